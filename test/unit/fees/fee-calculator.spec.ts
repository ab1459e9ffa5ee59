import fc from 'fast-check';
import {
  calculateFee,
  chooseFeeMethod,
  feesApplicable,
  perPieceFee,
  perPieceMonthTotal,
  perVolumeFee,
} from '../../../src/modules/fees/domain/fee-calculator';
import {
  FeeMethodConflictError,
  FeeNotApplicableError,
  InvalidFeeInputError,
} from '../../../src/modules/fees/domain/fee-errors';

describe(perPieceFee.name, () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [13, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [45, 300],
    [51, 400],
  ])('charges piece %i at CNY %i when counted in one month (D-8, WE-6)', (k, fee) => {
    expect(perPieceFee(k)).toBe(fee);
  });

  it('throws InvalidFeeInputError when the piece number is below 1', () => {
    expect(() => perPieceFee(0)).toThrow(InvalidFeeInputError);
  });
});

describe(perPieceMonthTotal.name, () => {
  it('charges CNY 5,500 when a month has 45 pieces (WE-6)', () => {
    expect(perPieceMonthTotal(45)).toBe(5500);
    expect(perPieceMonthTotal(0)).toBe(0);
  });

  it('equals the sum of the fees of pieces 1..N when N pieces are filed in one month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (n) => {
        let sum = 0;
        for (let k = 1; k <= n; k++) sum += perPieceFee(k);
        expect(perPieceMonthTotal(n)).toBe(sum);
      }),
    );
  });

  it('never decreases when one more piece is filed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        (n) => perPieceMonthTotal(n + 1) >= perPieceMonthTotal(n),
      ),
    );
  });
});

describe(perVolumeFee.name, () => {
  it.each([
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [250, 4700],
  ])('charges %i pages CNY %i when billed per volume (D-8)', (pages, fee) => {
    expect(perVolumeFee(pages)).toBe(fee);
  });

  it('never decreases and grows by the marginal page rate when one more page is added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (pages) => {
        const rate = pages + 1 <= 30 ? 0 : pages + 1 <= 100 ? 10 : pages + 1 <= 200 ? 20 : 40;
        expect(perVolumeFee(pages + 1) - perVolumeFee(pages)).toBe(rate);
      }),
    );
  });
});

describe(calculateFee.name, () => {
  it('returns the method and a whole-yuan amount when a method is chosen', () => {
    expect(calculateFee({ method: 'per-piece', nth: 45 })).toEqual({
      method: 'per-piece',
      amountYuan: 300,
    });
    expect(calculateFee({ method: 'per-piece', monthCount: 45, receivedOn: '2024-04-26' })).toEqual(
      { method: 'per-piece', amountYuan: 5500 },
    );
    expect(calculateFee({ method: 'per-volume', pages: 250 })).toEqual({
      method: 'per-volume',
      amountYuan: 4700,
    });
  });

  it('throws FeeNotApplicableError when the application was received before 2021-01-01 (R-FEE-09)', () => {
    expect(feesApplicable('2021-01-01')).toBe(true);
    expect(() => calculateFee({ method: 'per-piece', nth: 20, receivedOn: '2020-12-31' })).toThrow(
      FeeNotApplicableError,
    );
  });
});

describe(chooseFeeMethod.name, () => {
  it('throws FeeMethodConflictError when both methods are asked for (R-FEE-01)', () => {
    expect(() => chooseFeeMethod({ perPiece: true, perVolume: true })).toThrow(
      FeeMethodConflictError,
    );
    expect(chooseFeeMethod({ perVolume: true })).toBe('per-volume');
  });
});

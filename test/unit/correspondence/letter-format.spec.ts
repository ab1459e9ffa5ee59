import { InvalidDateError } from '../../../src/modules/calendar/domain/calendar-errors';
import { InvalidLetterInputError } from '../../../src/modules/correspondence/domain/correspondence-errors';
import {
  chineseDate,
  documentNumber,
  documentNumberAround,
  regulationCitation,
  yuanInCapitals,
} from '../../../src/modules/correspondence/domain/letter-format';

describe(chineseDate.name, () => {
  it.each([
    ['2026-03-02', '2026年3月2日'],
    ['2024-12-31', '2024年12月31日'],
    ['2019-05-15', '2019年5月15日'],
  ])('writes %s as %s when the date is valid', (date, expected) => {
    expect(chineseDate(date)).toBe(expected);
  });

  it.each(['2025-02-30', '2026-3-2', ''])('throws InvalidDateError when given %p', (date) => {
    expect(() => chineseDate(date, 'issuedOn')).toThrow(InvalidDateError);
  });
});

describe(documentNumber.name, () => {
  it('builds prefix〔year〕依申请公开第NNNNNN号 when given prefix, year and number', () => {
    expect(documentNumber({ prefix: '大庆市公安局', year: 2026, seq: 123 })).toBe(
      '大庆市公安局〔2026〕依申请公开第000123号',
    );
  });

  it('uses the given category word and width when they are set', () => {
    expect(
      documentNumber({ prefix: '庆公', year: 2025, seq: 7, category: '征求意见', width: 3 }),
    ).toBe('庆公〔2025〕征求意见第007号');
  });

  it.each([
    [{ prefix: ' ', year: 2026, seq: 1 }, 'documentNumber.prefix'],
    [{ prefix: '庆公', year: 26, seq: 1 }, 'documentNumber.year'],
    [{ prefix: '庆公', year: 2026, seq: 0 }, 'documentNumber.seq'],
    [{ prefix: '庆公', year: 2026, seq: 1.5 }, 'documentNumber.seq'],
  ])('rejects %p when a part is invalid', (parts, field) => {
    expect(() => documentNumber(parts)).toThrow(InvalidLetterInputError);
    expect(() => documentNumber(parts)).toThrow(field);
  });
});

describe(documentNumberAround.name, () => {
  it('puts the given digits (a number or a placeholder) where the padded number goes', () => {
    expect(documentNumberAround({ prefix: '大庆市公安局', year: 2026 }, 'ZZD00ZZ')).toBe(
      '大庆市公安局〔2026〕依申请公开第ZZD00ZZ号',
    );
    expect(documentNumberAround({ prefix: '大庆市公安局', year: 2026 }, '000123')).toBe(
      documentNumber({ prefix: '大庆市公安局', year: 2026, seq: 123 }),
    );
  });
});

describe(yuanInCapitals.name, () => {
  it.each([
    [0, '零元整'],
    [1, '壹元整'],
    [10, '壹拾元整'],
    [100, '壹佰元整'],
    [1005, '壹仟零伍元整'],
    [1050, '壹仟零伍拾元整'],
    [4700, '肆仟柒佰元整'],
    [10010, '壹万零壹拾元整'],
    [100010, '壹拾万零壹拾元整'],
    [2000000, '贰佰万元整'],
    [100000000, '壹亿元整'],
    [100010000, '壹亿零壹万元整'],
    [123456789, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
  ])('writes %d yuan as %s', (amount, expected) => {
    expect(yuanInCapitals(amount)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('rejects %p when the amount is not whole yuan', (amount) => {
    expect(() => yuanInCapitals(amount)).toThrow(InvalidLetterInputError);
  });
});

describe(regulationCitation.name, () => {
  it('names the 2019 revision when the case is under OGI-2019', () => {
    expect(regulationCitation('OGI-2019')).toBe(
      '《中华人民共和国政府信息公开条例》（2019年修订）（以下简称《政府信息公开条例》）',
    );
  });

  it('names the 2007 text when the case is under OGI-2008', () => {
    expect(regulationCitation('OGI-2008')).toContain(
      '《中华人民共和国政府信息公开条例》（2007年公布）',
    );
  });
});

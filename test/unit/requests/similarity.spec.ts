import fc from 'fast-check';
import {
  fingerprint,
  mostSimilar,
  normalise,
  REPEAT_THRESHOLD,
  similarity,
  similarityOf,
} from '../../../src/modules/requests/domain/similarity';

/** The Dice coefficient written out plainly from its definition (the reference). */
function dice(a: string, b: string): number {
  const grams = (s: string) => [...s].slice(1).map((c, i) => [...s][i] + c);
  const [x, y] = [grams(normalise(a)), grams(normalise(b))];
  if (x.length + y.length === 0) return normalise(a) === normalise(b) ? 1 : 0;
  const rest = [...y];
  let shared = 0;
  for (const g of x) {
    const k = rest.indexOf(g);
    if (k >= 0) {
      shared++;
      rest.splice(k, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

const text = fc.string({
  unit: fc.constantFrom('公', '开', '信', '息', '申', '请', 'A', 'a', ' ', '，', '１'),
  maxLength: 30,
});

describe('repeat detector (Art 36(6))', () => {
  it('equals the Dice coefficient of the normalised texts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(similarityOf(fingerprint(a), fingerprint(b))).toBeCloseTo(dice(a, b), 12);
        expect(similarity(a, b)).toBeCloseTo(dice(a, b), 12);
      }),
    );
  });

  it('picks the most similar candidate at or above the threshold, or none', () => {
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 8 }), (mine, others) => {
        const candidates = others.map((t, i) => ({ id: `c${i}`, text: t }));
        const scores = others.map((t) => dice(mine, t));
        const best = Math.max(-1, ...scores);
        const got = mostSimilar(mine, candidates);
        if (best < REPEAT_THRESHOLD) expect(got).toBeNull();
        else expect(scores[Number(got!.slice(1))]).toBeCloseTo(best, 12);
      }),
    );
  });

  it('finds a full-width, differently punctuated copy of the same request', () => {
    const earlier = [
      { id: 'a', text: '申请公开2025年度城市道路维修资金使用情况' },
      { id: 'b', text: '申请公开本局2024年行政处罚决定书' },
    ];
    expect(mostSimilar('申请公开：２０２５年度 城市道路维修资金的使用情况。', earlier)).toBe('a');
    expect(mostSimilar('申请公开政府采购合同', earlier)).toBeNull();
  });
});

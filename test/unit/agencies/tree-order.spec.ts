import fc from 'fast-check';
import { treeOrder, type TreeNode } from '../../../src/modules/agencies/domain/tree-order';

/** A random tree: node i's parent is one of the nodes before it (or none: a root). */
const tree = fc
  .array(fc.tuple(fc.nat(), fc.uuid(), fc.boolean()), { minLength: 1, maxLength: 40 })
  .map((specs) => {
    const nodes: Array<TreeNode & { parent: number | null }> = [];
    specs.forEach(([pick, id, root], i) => {
      const parent = i === 0 || root ? null : pick % i;
      const path = `${parent === null ? '/' : nodes[parent].path}${id}/`;
      nodes.push({
        id,
        code: `A${String((pick * 7919 + i) % 1000).padStart(3, '0')}-${i}`,
        path,
        parent,
      });
    });
    return nodes;
  });

describe('treeOrder', () => {
  it('puts each agency right under its parent, siblings by code, whatever their ids (property)', () => {
    fc.assert(
      fc.property(tree, fc.infiniteStream(fc.nat()), (nodes, seeds) => {
        const shuffled = [...nodes].sort(() => (seeds.next().value % 3) - 1);
        const out = treeOrder(shuffled, (n) => n);
        expect([...out].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [...nodes].sort((a, b) => a.id.localeCompare(b.id)),
        );
        const at = new Map(out.map((n, i) => [n.id, i]));
        for (const n of out) {
          const i = at.get(n.id)!;
          // Its subtree follows it without a gap.
          const below = out.filter((m) => m.path.startsWith(n.path) && m !== n).length;
          for (let k = i + 1; k <= i + below; k++)
            expect(out[k].path.startsWith(n.path)).toBe(true);
          if (n.parent !== null) expect(at.get(nodes[n.parent].id)!).toBeLessThan(i);
        }
        // Siblings (the same parent, or both roots) in the order of their codes.
        const siblings = (p: number | null) => out.filter((m) => m.parent === p).map((m) => m.code);
        for (const p of [null, ...nodes.map((_, i) => i)]) {
          const codes = siblings(p);
          expect(codes).toEqual([...codes].sort());
        }
      }),
    );
  });

  it('orders the departments of a city by code, not by their random ids', () => {
    const city = { id: 'f0', code: 'DQ', path: '/f0/' };
    const ga = { id: 'ff', code: 'DQ-GA', path: '/f0/ff/' };
    const jy = { id: '01', code: 'DQ-JY', path: '/f0/01/' };
    const jyUnit = { id: '00', code: 'DQ-JY-1', path: '/f0/01/00/' };
    expect(treeOrder([jyUnit, jy, ga, city], (n) => n).map((n) => n.code)).toEqual([
      'DQ',
      'DQ-GA',
      'DQ-JY',
      'DQ-JY-1',
    ]);
    // Outside a scope the ancestor is missing: the agencies below it still keep together.
    expect(treeOrder([jyUnit, ga, jy], (n) => n).map((n) => n.code)).toEqual([
      'DQ-GA',
      'DQ-JY',
      'DQ-JY-1',
    ]);
  });
});

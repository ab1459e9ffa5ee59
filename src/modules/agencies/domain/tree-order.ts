/** What tree order needs of an agency: its id, code and materialised path ('/<root>/…/<id>/'). */
export interface TreeNode {
  readonly id: string;
  readonly code: string;
  readonly path: string;
}

/**
 * The agencies in tree order — each right after its parent's line, siblings by code — rather
 * than by path, whose segments are random ids (siblings would come in an arbitrary order). An
 * ancestor missing from the list (outside a scope) sorts by its id: it is a common prefix of
 * the agencies below it, so they stay together.
 */
export function treeOrder<T>(items: readonly T[], node: (item: T) => TreeNode): T[] {
  const codes = new Map(items.map((i) => [node(i).id, node(i).code]));
  const key = (i: T) =>
    node(i)
      .path.split('/')
      .filter(Boolean)
      .map((id) => codes.get(id) ?? id);
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => {
    for (let j = 0; j < Math.min(a.key.length, b.key.length); j++) {
      if (a.key[j] !== b.key[j]) return a.key[j] < b.key[j] ? -1 : 1;
    }
    return a.key.length - b.key.length;
  });
  return keyed.map((k) => k.item);
}

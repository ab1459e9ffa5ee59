import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { type AgencyScope, isEmptyScope } from '../access/domain/principal';

/**
 * Restricts a query to agencies within a scope, on the given path column
 * (e.g. `a.path`). An empty scope matches nothing. Used by every scoped query.
 */
export function whereInScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  pathColumn: string,
  scope: AgencyScope,
  key = 'scope',
): SelectQueryBuilder<T> {
  if (isEmptyScope(scope)) return qb.andWhere('false');
  const parts: string[] = [];
  const params: Record<string, string | string[]> = {};
  if (scope.exact.length) {
    parts.push(`${pathColumn} = ANY(:${key}Exact)`);
    params[`${key}Exact`] = [...scope.exact];
  }
  scope.prefixes.forEach((p, i) => {
    parts.push(`${pathColumn} LIKE :${key}P${i}`);
    params[`${key}P${i}`] = `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  });
  return qb.andWhere(`(${parts.join(' OR ')})`, params);
}

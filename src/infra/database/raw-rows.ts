import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Entities from raw rows (`SELECT *` of the entity's table): each column's value converted as
 * TypeORM would hydrate it, without building a query or running its result transformer — for a
 * hot path that reads one table by key (a row read per e-mail sent).
 */
export function entitiesOf<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Record<string, unknown>[],
): T[] {
  const meta = m.connection.getMetadata(target);
  const driver = m.connection.driver;
  return rows.map((raw) => {
    const entity = meta.create() as T;
    for (const col of meta.columns)
      if (col.databaseName in raw)
        col.setEntityValue(entity, driver.prepareHydratedValue(raw[col.databaseName], col));
    return entity;
  });
}

import type { EntityManager } from 'typeorm';

export async function readState(
  m: EntityManager,
  name: string,
): Promise<{ value: string; updatedAt: Date } | null> {
  const rows = await m.query<Array<{ value: string; updated_at: Date }>>(
    `SELECT value, updated_at FROM worker_state WHERE name = $1`,
    [name],
  );
  return rows[0] ? { value: rows[0].value, updatedAt: rows[0].updated_at } : null;
}

export async function writeState(
  m: EntityManager,
  name: string,
  value: string,
  at: Date,
): Promise<void> {
  await m.query(
    `INSERT INTO worker_state (name, value, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
    [name, value, at],
  );
}

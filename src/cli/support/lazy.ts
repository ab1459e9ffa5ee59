/**
 * Loads a module on first use. Commands that need Nest, TypeORM or BullMQ load them only
 * inside their action, so the pure commands (deadline, period, fee) start in milliseconds.
 */
export function lazy<T>(load: () => T): () => T {
  let cached: T | undefined;
  return () => (cached ??= load());
}

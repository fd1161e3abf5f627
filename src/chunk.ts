/** Files per shard at most: enough to outweigh a task's cost, few enough to keep every thread busy. */
const SHARD_FILES = 256;
/** Bytes per shard at most (a single larger file is a shard of its own). */
const SHARD_BYTES = 4 << 20;

/**
 * Splits articles into shards of a few hundred files or a few megabytes, in order: the unit of a
 * task. `limits` sets other bounds (a slice of an index add: 64 MB, any number of files).
 */
export function chunk<T extends { readonly size: number }>(items: readonly T[], limits: { readonly files?: number; readonly bytes?: number } = {}): T[][] {
  const files = limits.files ?? (limits.bytes === undefined ? SHARD_FILES : Number.POSITIVE_INFINITY);
  const most = limits.bytes ?? SHARD_BYTES;
  const shards: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= files || bytes + item.size > most)) {
      shards.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.size;
  }
  if (current.length > 0) shards.push(current);
  return shards;
}

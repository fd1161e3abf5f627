/**
 * Appends `items` to `target` one by one. Not `target.push(...items)`: a spread passes every item
 * as an argument, and a report of a million articles overflows the call stack.
 */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/**
 * The first place in an ascending list whose value is not below `value`: where `value` stands, or
 * would be inserted. `list.length` when every value is below it.
 */
export function lowerBound(list: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** True when an ascending list holds `value`. */
export function holdsSorted(list: ArrayLike<number>, value: number): boolean {
  const at = lowerBound(list, value);
  return at < list.length && list[at] === value;
}

/** `part` as a percentage of `whole`, to two decimals, so that reports compare byte for byte; 0 of nothing is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100;
}

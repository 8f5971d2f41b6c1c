/**
 * `target.push(...items)` passes every item as an argument and throws RangeError (call stack
 * exceeded) past about 10^5 items: a table region of hostile text can hold that many numbers.
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Append `items` to `target` one by one. `target.push(...items)` passes every item as an
 * argument, and a list as long as a chapter's paragraphs (100,000) overflows the stack.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

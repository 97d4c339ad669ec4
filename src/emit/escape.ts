/** Escape text content for XML. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escape an attribute value (double-quoted) for XML or HTML; also safe as text content. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

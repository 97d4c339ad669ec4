const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Plain text → TeX that prints exactly that text. Pure. Used only for the few strings
 * bookdeck itself places in raw TeX (bookmark titles); body text goes through pandoc.
 */
export function texEscape(text: string): string {
  return text.replace(/[\\{}#$%&_~^]/gu, (c) => SPECIALS[c]!).replace(/\s+/gu, ' ');
}

/** `2018-07-26` → `2018年7月26日`, the way a Chinese title page dates a book. Pure. */
export function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

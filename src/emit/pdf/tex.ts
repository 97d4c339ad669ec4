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

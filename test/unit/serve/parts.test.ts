import { describe, expect, it } from 'vitest';
import { diffPages, joinPage, type PartedPage } from '../../../src/serve/parts.js';

const page = (parts: [string, string][], extra: Partial<PartedPage> = {}): PartedPage => ({
  head: '<body>',
  parts: parts.map(([key, html]) => ({ key, html })),
  tail: '</body>',
  ...extra,
});

describe('serve patches', () => {
  it('swaps only the parts whose HTML changed', () => {
    const a = page([['s1', '<p>一</p>'], ['s2', '<p>二</p>']]);
    expect(diffPages(a, page([['s1', '<p>一</p>'], ['s2', '<p>二改</p>']]))).toEqual({ count: 2, replace: false, parts: [{ key: 's2', html: '<p>二改</p>' }] });
    expect(diffPages(a, a)).toEqual({ count: 2, replace: false, parts: [] });
  });

  it('reloads when the head, the tail or the assets changed, or parts came or went', () => {
    const a = page([['s1', 'x']]);
    expect(diffPages(a, { ...a, head: '<body class="b">' })).toEqual({ reload: true });
    expect(diffPages(a, { ...a, tail: '' })).toEqual({ reload: true });
    expect(diffPages(a, { ...a, assets: 'css' })).toEqual({ reload: true });
    expect(diffPages(a, page([['s1', 'x'], ['s2', 'y']]))).toEqual({ reload: true });
    expect(diffPages(a, page([['s2', 'x']]))).toEqual({ reload: true });
  });

  it('replaces every part in place when parts came or went on a page that allows it (the deck)', () => {
    const a = page([['0', 'a']], { rekey: true });
    const b = page([['0', 'a'], ['1', 'b']], { rekey: true });
    expect(diffPages(a, b)).toEqual({ count: 1, replace: true, parts: b.parts });
  });

  it('joins the page as served', () => {
    expect(joinPage(page([['s1', 'x'], ['s2', 'y']]))).toBe('<body>x\ny</body>');
  });
});

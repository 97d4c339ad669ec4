import { describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { toXhtml } from '../../../../src/emit/epub/serialize.js';

describe('toXhtml', () => {
  it('writes boolean attributes with values and closes void elements, as XML needs', () => {
    const input: Element = { type: 'element', tagName: 'input', properties: { type: 'checkbox', checked: true, disabled: true }, children: [] };
    expect(toXhtml(input)).toBe('<input type="checkbox" checked="checked" disabled="disabled"/>');
    expect(toXhtml({ type: 'element', tagName: 'br', properties: {}, children: [] })).toBe('<br/>');
  });

  it('maps hast property names back to attribute names and escapes text and attributes', () => {
    const td: Element = {
      type: 'element',
      tagName: 'td',
      properties: { colSpan: 2, className: ['a', 'b'], ariaLabel: 'x"y', 'epub:type': 'footnote' },
      children: [{ type: 'text', value: 'a<b & c>d' }],
    };
    expect(toXhtml(td)).toBe('<td colspan="2" class="a b" aria-label="x&quot;y" epub:type="footnote">a&lt;b &amp; c&gt;d</td>');
  });

  it('mirrors lang into xml:lang and drops comments and raw HTML', () => {
    const span: Element = { type: 'element', tagName: 'span', properties: { lang: 'en' }, children: [{ type: 'comment', value: 'x' }, { type: 'text', value: 'hi' }] };
    expect(toXhtml(span)).toBe('<span lang="en" xml:lang="en">hi</span>');
  });
});

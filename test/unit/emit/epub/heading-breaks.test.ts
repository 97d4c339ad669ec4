import type { Element, ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { markHeadingBreaks } from '../../../../src/emit/epub/heading-breaks.js';

const el = (tagName: string, children: ElementContent[]): Element => ({ type: 'element', tagName, properties: {}, children });
const txt = (value: string): ElementContent => ({ type: 'text', value });
/** The element's text with each <wbr> shown as |. */
const shown = (e: ElementContent): string => (e.type === 'text' ? e.value : e.type === 'element' ? (e.tagName === 'wbr' ? '|' : e.children.map(shown).join('')) : '');

describe('markHeadingBreaks', () => {
  it('marks breaks between the words of a heading, never inside 奋力推进', () => {
    const tree = markHeadingBreaks(el('section', [el('h1', [txt('奋力推进高质量发展')])]));
    const h1 = shown(tree.children[0]!);
    expect(h1.replaceAll('|', '')).toBe('奋力推进高质量发展');
    expect(h1).toContain('|');
    expect(h1).not.toMatch(/奋\|力|推\|进/);
  });

  it('marks inside a heading’s <em>, and leaves paragraphs alone', () => {
    const tree = markHeadingBreaks(el('section', [el('h2', [el('em', [txt('在全县防汛工作会议上的讲话')])]), el('p', [txt('在全县防汛工作会议上的讲话')])]));
    expect(shown(tree.children[0]!)).toContain('|');
    expect(shown(tree.children[1]!)).toBe('在全县防汛工作会议上的讲话');
  });

  it('changes no character of the text', () => {
    const title = '关于进一步加强和改进新时代基层治理工作的实施意见';
    const tree = markHeadingBreaks(el('h1', [txt(title)]));
    expect(shown(tree).replaceAll('|', '')).toBe(title);
  });
});

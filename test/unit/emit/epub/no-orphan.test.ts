import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { keepLastTwoHan } from '../../../../src/emit/epub/no-orphan.js';

const toString = (n: Element | Element['children'][number]): string =>
  n.type === 'text' ? n.value : n.type === 'element' ? n.children.map(toString).join('') : '';
const p = (...children: Element['children']): Element => ({ type: 'element', tagName: 'p', properties: {}, children });
const text = (value: string) => ({ type: 'text' as const, value });
const el = (tagName: string, ...children: Element['children']): Element => ({ type: 'element', tagName, properties: {}, children });

describe('keepLastTwoHan (EPUB)', () => {
  it('wraps the last two Han characters with their closing punctuation, text unchanged', () => {
    const tree = el('section', p(text('推动京津冀协同发展取得新突破。”')), p(el('strong', text('一是提高政治站位。'))));
    const before = toString(tree);
    keepLastTwoHan(tree);
    expect(toString(tree)).toBe(before);
    expect(toHtml(tree)).toBe(
      '<section><p>推动京津冀协同发展取得新<span class="nobreak">突破。”</span></p><p><strong>一是提高政治<span class="nobreak">站位。</span></strong></p></section>',
    );
  });

  it('leaves a paragraph alone when it ends in a note reference, an image or Latin text', () => {
    const tree = el('section', p(text('正文'), el('sup', text('1'))), p(text('图'), el('img')), p(text('京津冀 forum')));
    const before = toHtml(tree);
    expect(toHtml(keepLastTwoHan(tree))).toBe(before);
  });
});

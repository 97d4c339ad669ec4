import { describe, expect, it } from 'vitest';
import type { Element, ElementContent } from 'hast';
import { dropLineBreakSpaces } from '../../../../src/emit/epub/cjk-space.js';
import { toXhtml } from '../../../../src/emit/epub/serialize.js';

const t = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, ...children: ElementContent[]): Element => ({ type: 'element', tagName, properties: {}, children });
const fix = (node: Element) => toXhtml(dropLineBreakSpaces(node));

describe('dropLineBreakSpaces', () => {
  it('drops a source line break between Chinese characters and next to one', () => {
    expect(fix(el('p', t('第一行到此\n接着第二行')))).toBe('<p>第一行到此接着第二行</p>');
    expect(fix(el('p', t('中文\nEnglish')))).toBe('<p>中文English</p>');
    expect(fix(el('p', t('“引号”\n之后')))).toBe('<p>“引号”之后</p>');
  });

  it('keeps spaces and line breaks between Latin words, and spaces next to one Han character', () => {
    expect(fix(el('p', t('English words\nkeep one space')))).toBe('<p>English words\nkeep one space</p>');
    expect(fix(el('p', t('bookdeck 示例')))).toBe('<p>bookdeck 示例</p>');
  });

  it('keeps a space typed between two Chinese characters, and every U+3000', () => {
    expect(fix(el('p', t('第一条 中华人民共和国')))).toBe('<p>第一条 中华人民共和国</p>');
    expect(fix(el('p', t('第一条 '), el('strong', t('中华'))))).toBe('<p>第一条 <strong>中华</strong></p>');
    expect(fix(el('p', t('县长　张文斌\n编　者')))).toBe('<p>县长　张文斌编　者</p>');
  });

  it('looks across inline elements but not across blocks', () => {
    expect(fix(el('p', el('strong', t('一是抓落实。')), t('\n京津冀')))).toBe('<p><strong>一是抓落实。</strong>京津冀</p>');
    expect(fix(el('div', el('p', t('甲')), t('\n'), el('p', t('乙'))))).toBe('<div><p>甲</p>\n<p>乙</p></div>');
  });

  it('never touches code', () => {
    expect(fix(el('pre', el('code', t('中文 代码\n中文'))))).toBe('<pre><code>中文 代码\n中文</code></pre>');
    expect(fix(el('p', t('见'), el('code', t('a 中 b')), t('。')))).toBe('<p>见<code>a 中 b</code>。</p>');
  });
});

import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { footnoteDefinitions } from '../../../src/model/footnotes.js';
import { bookTextRuns } from '../../../src/fonts/text-runs.js';
import { docxBytes } from '../../../src/emit/docx/index.js';
import { GONGWEN } from '../../../src/emit/docx/look.js';

const meta = { title: 'T', date: '2024-04-18', lang: 'zh-Hans' };
// Definitions at the end of the file land in the last attachment's text.
const TEXT = '# 甲\n\n正文见注[^1]。\n\n# 附件1 物资表\n\n附件正文甲乙。\n\n[^1]: 注释丙丁。\n';
const book = () => buildBook([parseSource({ path: 'm.md', text: TEXT, notices: [] })], meta);

describe('an attachment\'s text reaches every output', () => {
  it('footnote definitions written after an attachment are found', () => {
    expect(footnoteDefinitions(book()).has('1')).toBe(true);
  });

  it('the font check sees the attachment\'s label, title and text', () => {
    const text = bookTextRuns(book()).map((r) => r.text).join('');
    expect(text).toContain('附件1 物资表');
    expect(text).toContain('附件正文甲乙。');
  });

  it('the .docx prints the attachment on a new page: label, title and text', async () => {
    const bytes = await docxBytes(book(), GONGWEN, { run: () => undefined }, new Date(0));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of ['附件1', '物资表', '附件正文甲乙。']) expect(text).toContain(s);
    const at = xml.indexOf('附件1');
    expect(xml.lastIndexOf('<w:pageBreakBefore', at)).toBeGreaterThan(xml.indexOf('正文见注'));
  });
});

import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import type { Speech } from '../../../src/import/draft.js';
import { recoverLostText } from '../../../src/import/docx-lost-text.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { formatMessage } from '../../../src/message.js';
import { wp, wtbl, wtc, wtcMerged, wtcSpan, wtr } from '../../docx-xml.js';

// recoverLostText read directly: document.xml as text beside the speeches pandoc made of it (here parsed from Markdown).
const doc = (body: string) => `<?xml version="1.0"?><w:document><w:body>${body}</w:body></w:document>`;
const speech = (md: string): Speech => ({ body: parseSource({ path: 'm.md', text: md, notices: [] }).tree.children });
const cells = (t: Table) => t.children.map((r) => r.children.map((c) => toString(c)));
/** `<w:vMerge/>` without a value: Word's way of writing `continue`. */
const BARE_MERGE = '<w:tc><w:tcPr><w:vMerge/></w:tcPr>' + wp('旧文字') + '</w:tc>';
const box = (text: string) => `<w:txbxContent>${wp(text)}</w:txbxContent>`;

describe('recoverLostText', () => {
  it('fills a cell pandoc left empty (it held a list) with its paragraphs in order, and says so', () => {
    const s = speech('| 项目 | 内容 |\n| --- | --- |\n| 防汛 |  |\n');
    const xml = doc(wtbl([wtr(wtc(wp('项目')), wtc(wp('内容'))), wtr(wtc(wp('防汛')), wtc(wp('第一条') + wp('第二条')))], 2));
    const warnings = recoverLostText(xml, [s], 'a.docx').map((w) => formatMessage(w));
    expect(cells(s.body[0] as Table)).toEqual([['项目', '内容'], ['防汛', '第一条 第二条']]);
    expect(warnings).toEqual(['a.docx: warning W_DOCX_CELL: table 1: 1 cell holding a list or a table came out empty from pandoc; their text is flattened into the cell, in order']);
  });

  it('leaves a table pandoc read whole untouched, without a warning', () => {
    const s = speech('| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n');
    const xml = doc(wtbl([wtr(wtc(wp('甲')), wtc(wp('乙'))), wtr(wtc(wp('1')), wtc(wp('2')))], 2));
    expect(recoverLostText(xml, [s], 'a.docx')).toEqual([]);
    expect(cells(s.body[0] as Table)).toEqual([['甲', '乙'], ['1', '2']]);
  });

  it('rebuilds a table without w:tblGrid: spans become empty cells after theirs, merged-down cells stay empty', () => {
    const s = speech('| x |\n| --- |\n');
    const table = s.body[0] as Table;
    table.children = [];
    const xml = doc(wtbl([wtr(wtcSpan(2, wp('合并标题')), wtc(wp('丙'))), wtr(wtcMerged('restart', wp('上')), wtc(wp('中')), wtc(wp('右'))), wtr(wtcMerged('continue'), wtc(wp('下中')), wtc(wp('下右'))), wtr(BARE_MERGE, wtc(wp('末中')), wtc(wp('末右')))], 0));
    const warnings = recoverLostText(xml, [s], 'a.docx').map((w) => formatMessage(w));
    expect(cells(table)).toEqual([
      ['合并标题', '', '丙'],
      ['上', '中', '右'],
      ['', '下中', '下右'],
      ['', '末中', '末右'],
    ]);
    // Nine cells hold text of their own: the two covered ones are the merge's.
    expect(warnings).toEqual([
      'a.docx: warning W_DOCX_CELL: table 1 has no column grid (w:tblGrid), so pandoc read it without cells; its 9 cells are read from document.xml as plain text, lists and tables flattened in order',
    ]);
  });

  it('keeps a text box as a paragraph after the one it is anchored in, once (not its Fallback copy too)', () => {
    const s = speech('锚点段落。\n\n后一段。\n');
    const anchored = `<w:p><w:r><w:t>锚点段落。</w:t></w:r><w:r><mc:AlternateContent><mc:Choice>${box('框内文字')}</mc:Choice><mc:Fallback>${box('框内文字')}</mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const warnings = recoverLostText(doc(anchored + wp('后一段。')), [s], 'a.docx').map((w) => formatMessage(w));
    expect(s.body.map((b) => toString(b))).toEqual(['锚点段落。', '框内文字', '后一段。']);
    expect(warnings).toEqual(['a.docx: warning W_DOCX_TEXTBOX: a text box pandoc does not read (“框内文字…”) is kept as 1 paragraph after the paragraph it is anchored in']);
  });

  it('a text box whose text pandoc did read is not added again', () => {
    const s = speech('正文。\n\n框内文字\n');
    expect(recoverLostText(doc(`<w:p><w:r><w:t>正文。</w:t></w:r>${box('框内文字')}</w:p>`), [s], 'a.docx')).toEqual([]);
    expect(s.body).toHaveLength(2);
  });

  it('a document.xml nested past 256 levels is not walked: one warning, nothing changed', () => {
    const s = speech('正文。\n');
    const deep = `${'<w:sdt>'.repeat(300)}${wp('正文。')}${'</w:sdt>'.repeat(300)}`;
    expect(recoverLostText(doc(deep), [s], 'a.docx').map((w) => formatMessage(w))).toEqual([
      'a.docx: warning W_DOCX_DEEP: document.xml nests more than 256 deep; text boxes and table cells pandoc drops are not looked for',
    ]);
    expect(s.body.map((b) => toString(b))).toEqual(['正文。']);
  });
});

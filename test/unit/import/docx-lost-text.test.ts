import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Draft } from '../../../src/import/draft.js';
import { importDocx } from '../../../src/import/from-docx.js';
import { formatMessage } from '../../../src/message.js';
import { docxOf, wp, wtbl, wtc, wtcMerged, wtcSpan, wtr } from '../../docx-xml.js';

const CORPUS = '/work/shared/corpora/realworld/docx/pandoc';
const opts = { outDir: '/tmp/bookdeck-docx-lost', keepFurniture: false };
const text = (body: RootContent[]) => body.map((b) => toString(b)).join('\n');

describe('Word text pandoc 2.17 drops is read from document.xml, with a warning (#27 item 2)', () => {
  it('flattens a table cell that holds a list into the cell, in order', async () => {
    const d = await importDocx(`${CORPUS}/table_with_list_cell.docx`, opts);
    const body = d.speeches.flatMap((s) => s.body);
    const table = body.find((b) => b.type === 'table');
    expect(table && toString(table)).toContain('Cell with A Bullet list');
    expect(toString(table!)).toContain('Cell with A Numbered list.');
    expect((d.warnings ?? []).map((w) => formatMessage(w)).join('\n')).toMatch(/W_DOCX_CELL/);
  });

  it('reads text boxes (w:txbxContent) pandoc drops, after their anchor', async () => {
    const d = await importDocx(`${CORPUS}/text_in_shape_format.docx`, opts);
    const all = text(d.speeches.flatMap((s) => s.body));
    expect(all.replace(/\s/g, '')).toContain('Lastupdate:May1,2017');
    expect(all).toContain('Valter Kiisk');
    expect((d.warnings ?? []).map((w) => formatMessage(w)).join('\n')).toMatch(/W_DOCX_TEXTBOX/);
    const caption = await importDocx(`${CORPUS}/image_with_textbox_caption.docx`, opts);
    expect(text(caption.speeches.flatMap((s) => s.body))).toMatch(/Cantor/);
  });
});

describe('Word tables pandoc 2.17 empties: nested tables and tables without w:tblGrid (#27 item 2)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bookdeck-docx-tables-'));
  /** A Word file of a title line, one table and a paragraph, imported: the draft and its first table. */
  async function importTable(name: string, title: string, table: string) {
    const file = path.join(dir, `${name}.docx`);
    writeFileSync(file, docxOf(wp(title) + table + wp('正文一段。')));
    const d = await importDocx(file, { outDir: dir, keepFurniture: false });
    return { d, table: d.speeches.flatMap((s) => s.body).find((b): b is Table => b.type === 'table') };
  }
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cellTexts = (t: Table) => t.children.map((r) => r.children.map((c) => toString(c)));
  const warned = (d: Draft) => (d.warnings ?? []).map((w) => formatMessage(w)).join('\n');

  it('flattens a table nested in a cell into that cell, outer text and inner cells in order, with W_DOCX_CELL', async () => {
    const inner = wtbl([wtr(wtc(wp('内表一')), wtc(wp('内表二'))), wtr(wtc(wp('内表三')), wtc(wp('内表四')))], 2);
    const outer = wtbl([wtr(wtc(wp('项目')), wtc(wp('内容'))), wtr(wtc(wp('甲市')), wtc(wp('前言一句') + inner + wp('后记一句')))], 2);
    const { d, table } = await importTable('nested', '嵌套表格的讲话', outer);
    expect(table && cellTexts(table)).toEqual([
      ['项目', '内容'],
      ['甲市', '前言一句 内表一 内表二 内表三 内表四 后记一句'],
    ]);
    expect(warned(d)).toMatch(/W_DOCX_CELL.*table 1: 1 cell holding a list or a table/);
  });

  it('flattens a nested table in a row whose first cell is merged down from the row above, into the right cell and column', async () => {
    // pandoc 2.17 leaves the covered cell out of the row, so counting Word's w:tc put the text one cell too far (and lost it).
    const inner = wtbl([wtr(wtc(wp('内表一')), wtc(wp('内表二')))], 2);
    const outer = wtbl(
      [wtr(wtcMerged('restart', wp('合并单元')), wtc(wp('右上'))), wtr(wtcMerged('continue'), wtc(wp('右下前') + inner)), wtr(wtcSpan(2, wp('横跨两列'))), wtr(wtc(wp('甲')), wtc(wp('乙')))],
      2,
    );
    const { d, table } = await importTable('merged', '合并单元格的讲话', outer);
    // A cell a merge or a span covers is an empty cell, so each text stays in its column.
    expect(table && cellTexts(table)).toEqual([
      ['合并单元', '右上'],
      ['', '右下前 内表一 内表二'],
      ['横跨两列', ''],
      ['甲', '乙'],
    ]);
    expect(warned(d)).toMatch(/W_DOCX_CELL.*table 1: 1 cell holding a list or a table/);
  });

  it('reads every cell of a table that has no w:tblGrid (pandoc gives rows without cells), with W_DOCX_CELL', async () => {
    const grid = wtbl([wtr(wtc(wp('地区')), wtc(wp('任务'))), wtr(wtc(wp('乙县')), wtc(wp('科技创新中心'))), wtr(wtc(wp('丙区')), wtc(wp('先进制造') + wp('现代物流')))], 0);
    const { d, table } = await importTable('nogrid', '无网格表格的讲话', grid);
    expect(table && cellTexts(table)).toEqual([
      ['地区', '任务'],
      ['乙县', '科技创新中心'],
      ['丙区', '先进制造 现代物流'],
    ]);
    expect(warned(d)).toMatch(/W_DOCX_CELL.*table 1 has no column grid \(w:tblGrid\)/);
  });
});

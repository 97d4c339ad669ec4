import { describe, expect, it } from 'vitest';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { importDocx } from '../../../src/import/from-docx.js';
import { formatMessage } from '../../../src/message.js';

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

// Word files written as raw WordprocessingML, for the shapes the `docx` package cannot make
// (a table without `w:tblGrid`) or that a test wants byte for byte: the three parts Word and
// pandoc need, zipped with zip-write.
import { writeZip } from './zip-write.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A paragraph of one run. */
export const wp = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
/** A table cell holding `inner` (paragraphs or tables). */
export const wtc = (inner: string) => `<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>${inner}</w:tc>`;
/** A cell merged down: `restart` opens the merge, `continue` is a cell it covers (Word leaves it empty). */
export const wtcMerged = (merge: 'restart' | 'continue', inner = '<w:p/>') => `<w:tc><w:tcPr><w:vMerge w:val="${merge}"/></w:tcPr>${inner}</w:tc>`;
/** A cell spanning `span` grid columns. */
export const wtcSpan = (span: number, inner: string) => `<w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>${inner}</w:tc>`;
/** A table row of cells. */
export const wtr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
/** A table of rows, with a `w:tblGrid` of `cols` columns, or none when `cols` is 0. */
export const wtbl = (rows: string[], cols: number) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${cols ? `<w:tblGrid>${'<w:gridCol w:w="2400"/>'.repeat(cols)}</w:tblGrid>` : ''}${rows.join('')}</w:tbl>`;

/** The bytes of a .docx whose body is `body` (WordprocessingML inside `w:body`). */
export function docxOf(body: string): Buffer {
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`) },
  ]);
}

import { AlignmentType, DocumentGridType, LineRuleType, Footer, Header, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import { FACE } from './look.js';

type Page = Omit<ISectionOptions, 'children'>;

const MM = 1440 / 25.4;
// One character of the body (3号, 16 pt) in twips: the folio's inset from the outer edge of the text.
const ONE_CHAR = 320;

/** A folio `— N —` in 4号宋体 (14 pt), one character in from the outer edge; off the grid, which is for the body. */
function folio(side: 'left' | 'right'): Footer {
  const run = new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: { ascii: FACE.song, hAnsi: FACE.song, eastAsia: FACE.song, cs: FACE.song } });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: ONE_CHAR } : { left: ONE_CHAR },
        // An exact line height keeps the folio off the body's grid.
        spacing: { before: 0, after: 0, line: 280, lineRule: LineRuleType.EXACT },
        children: [run],
      }),
    ],
  });
}

/**
 * The notice (内部资料　注意保存) at the top of every page, as the PDF prints it: centred, 4号黑体
 * in a light grey, in the top margin above the grid (the header's own exact line keeps it off the grid).
 */
function noticeHeader(notice: string): Header {
  const run = new TextRun({ text: notice, size: 28, color: '737373', font: { ascii: FACE.latin, hAnsi: FACE.latin, eastAsia: FACE.hei, cs: FACE.latin } });
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 280, lineRule: LineRuleType.EXACT }, children: [run] })],
  });
}

/**
 * GB/T 9704's page: A4, margins 37/35/28/26 mm (top, bottom, binding, outer), the line grid
 * of 22 lines (579 twips a line; the 28 characters come from the body's −0.25 pt spacing, a
 * form Word and Writer lay out alike where `linesAndChars` with a negative charSpace gives
 * Writer about 14 a line), folios right on odd pages and left on even ones; the notice, when
 * there is one, in the header of every page.
 */
export function gongwenPage(notice?: string): Page {
  return {
    properties: {
      page: {
        size: { width: 11906, height: 16838 },
        // The footer's bottom edge sits so that the folio's top is about 7 mm below the text block.
        margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: Math.round(22 * MM), gutter: 0 },
      },
      grid: { type: DocumentGridType.LINES, linePitch: 579 },
    },
    footers: { default: folio('right'), even: folio('left') },
    ...(notice ? { headers: { default: noticeHeader(notice), even: noticeHeader(notice) } } : {}),
  };
}

/** An editor's A4 page, Word's default margins, the page number centred at the foot. */
export function bookPage(): Page {
  const run = new TextRun({ children: [PageNumber.CURRENT], size: 21, font: { ascii: FACE.latin, hAnsi: FACE.latin, eastAsia: FACE.song, cs: FACE.latin } });
  return {
    properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1800, right: 1800 } } },
    footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run] })] }) },
  };
}

import { AlignmentType, LineRuleType, type IParagraphStyleOptions } from 'docx';
import { type Level, markerLevel } from '../../text/levels.js';

/** The faces a run names, by what the text is: East Asian, Latin and digits. */
export interface Faces {
  eastAsia: string;
  latin: string;
}

/** How a .docx looks: faces and sizes of the body and the styles, and the page. */
export interface Look {
  kind: 'gongwen' | 'book';
  body: Faces;
  /** Paragraph style of body text. */
  para: string;
  /** Half-points. */
  size: number;
  /** Character spacing of body runs, twentieths of a point (gongwen: −0.25 pt, so 28 fit a line). */
  spacing: number;
  /** First-line indent of a paragraph: two characters, in twips. */
  indent: number;
  styles: IParagraphStyleOptions[];
  /** Style id of a heading of depth 2–6 (the H1 is the title style). */
  heading(depth: number, text: string): string;
  title: string;
  byline?: string;
  caption: string;
  /** The label of an attachment (附件1): 附件标签, a paragraph style, not a heading, so the title is what the navigation pane lists. */
  attachmentLabel: string;
  /** The 附件说明's items (附件：1．…), hung under their titles. */
  annexNote: string;
  /** 份号 and 密级 lines above a title (gongwen only). */
  marks?: { copy: string; classification: string };
  /** Footnotes: their faces and paragraph style. */
  notes: { faces: Faces; style: string };
  /** Paragraph styles whose lines are not snapped to the grid (`w:snapToGrid w:val="0"`), each taking its exact line height. */
  offGrid: readonly string[];
  /** The East Asian face of a paragraph style: its runs name it too, since a run's own font wins over its style's. */
  faceOf: Readonly<Record<string, string>>;
}

/** The office's faces by the names its PC has them: none is embedded; our tests alias them with fontconfig. */
export const FACE = {
  title: '方正小标宋简体',
  fang: '仿宋_GB2312',
  kai: '楷体_GB2312',
  hei: '黑体',
  song: '宋体',
  latin: 'Times New Roman',
} as const;

/** What a face stands in for on a PC without it: Windows' own 仿宋 and 楷体 (fontTable `w:altName`). */
export const ALT_NAMES: Readonly<Record<string, string>> = { [FACE.fang]: '仿宋', [FACE.kai]: '楷体' };


/** GB/T 9704's level of a heading: by its numbered form (一、 （一） 1. （1）) when it has one, else by depth (## is 1). Pure. */
export function gongwenLevel(text: string, depth: number): Level {
  return markerLevel(text) ?? (Math.min(4, Math.max(1, depth - 1)) as Level);
}

const font = (eastAsia: string, latin: string = FACE.latin) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });

// Styles are based on Word's built-in headings so that the navigation pane, and pandoc's docx reader on import, see the levels.
// The style type omits widowControl, which the library writes: off, as a widow moved breaks the 22-line page.
const noWidow = { widowControl: false } as object;

function gongwenStyles(): IParagraphStyleOptions[] {
  const grid = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
  const body = { size: 32, characterSpacing: -5, font: font(FACE.fang) };
  const flow = { spacing: grid, widowControl: false, indent: { firstLine: 630, firstLineChars: 200 }, alignment: AlignmentType.BOTH };
  const heading = (id: string, name: string, basedOn: string, face: string) => ({
    id,
    name,
    basedOn,
    next: 'GongwenBody',
    quickFormat: true,
    run: { ...body, font: font(face), bold: false, italics: false, color: '000000' },
    paragraph: { ...flow, keepNext: true, outlineLevel: Number(basedOn.slice(-1)) - 1 },
  });
  return [
    { id: 'GongwenBody', name: '正文', basedOn: 'Normal', quickFormat: true, run: body, paragraph: flow },
    {
      id: 'GongwenTitle',
      name: '公文标题',
      basedOn: 'Heading1',
      next: 'GongwenBody',
      quickFormat: true,
      run: { size: 44, font: font(FACE.title), bold: false, color: '000000' },
      paragraph: { spacing: { line: 579, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: AlignmentType.CENTER, keepNext: true, outlineLevel: 0, ...noWidow },
    },
    heading('GongwenH1', '一级标题', 'Heading2', FACE.hei),
    heading('GongwenH2', '二级标题', 'Heading3', FACE.kai),
    heading('GongwenH3', '三级标题', 'Heading4', FACE.fang),
    heading('GongwenH4', '四级标题', 'Heading5', FACE.fang),
    { id: 'GongwenByline', name: '署名', basedOn: 'GongwenBody', quickFormat: true, run: { ...body, font: font(FACE.kai) }, paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } } },
    // Notes are off the grid (exact 18 pt lines): the grid is for the body's 22 lines.
    { id: 'GongwenNote', name: '脚注文本', basedOn: 'FootnoteText', quickFormat: true, run: { size: 28, font: font(FACE.fang) }, paragraph: { spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: AlignmentType.BOTH } },
    { id: 'GongwenCaption', name: '题注', basedOn: 'GongwenBody', quickFormat: true, run: { ...body, font: font(FACE.kai) }, paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } } },
    // Based on Normal, not 正文: 正文's firstLineChars would win over the paragraphs' own hanging indent in Word.
    line('GongwenAttachmentLabel', '附件标签', { ...body, font: font(FACE.hei) }, grid),
    { ...line('GongwenAnnexNote', '附件说明', body, grid), paragraph: { spacing: grid, alignment: AlignmentType.BOTH, ...noWidow } },
    line('GongwenCopyNumber', '份号', { ...body, font: font(FACE.hei) }, grid),
    line('GongwenClassification', '密级', { ...body, font: font(FACE.hei) }, grid),
  ];
}

/** A line at the left of the text, without indent, kept with the next line: a label or a marking. */
function line(id: string, name: string, run: IParagraphStyleOptions['run'], spacing: object): IParagraphStyleOptions {
  return { id, name, basedOn: 'Normal', next: 'GongwenBody', quickFormat: true, run, paragraph: { spacing, alignment: AlignmentType.LEFT, keepNext: true, ...noWidow } };
}

function bookStyles(): IParagraphStyleOptions[] {
  const body = { size: 24, font: font(FACE.song) };
  const spacing = { line: 360, after: 0 };
  return [
    line('AttachmentLabel', '附件标签', { size: 24, font: font(FACE.hei) }, spacing),
    { ...line('AnnexNote', '附件说明', body, spacing), paragraph: { spacing, alignment: AlignmentType.BOTH } },
    { id: 'BookBody', name: 'Body Text', basedOn: 'Normal', quickFormat: true, run: body, paragraph: { spacing: { line: 360, after: 0 }, indent: { firstLine: 480 }, alignment: AlignmentType.BOTH } },
    { id: 'BookNote', name: 'Note Text', basedOn: 'FootnoteText', quickFormat: true, run: { size: 18, font: font(FACE.song) } },
    { id: 'Caption', name: 'caption', basedOn: 'BookBody', quickFormat: true, run: { ...body, size: 21 }, paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } } },
  ];
}

/** Word's built-in Heading 1–4, in 黑体, for the book layout (the library writes them; these are their looks). */
export function bookHeadings() {
  const heading = (size: number) => ({
    run: { size, bold: true, font: font(FACE.hei), color: '000000' },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  });
  return { heading1: heading(36), heading2: heading(30), heading3: heading(28), heading4: heading(24) };
}

/** GB/T 9704: 3号仿宋 body on the 22-line grid, 2号小标宋 titles, 一、黑体 （一）楷体 1.（1）仿宋. */
export const GONGWEN: Look = {
  kind: 'gongwen',
  body: { eastAsia: FACE.fang, latin: FACE.latin },
  para: 'GongwenBody',
  size: 32,
  spacing: -5,
  indent: 630,
  styles: gongwenStyles(),
  heading: (depth, text) => `GongwenH${gongwenLevel(text, depth)}`,
  title: 'GongwenTitle',
  byline: 'GongwenByline',
  caption: 'GongwenCaption',
  attachmentLabel: 'GongwenAttachmentLabel',
  annexNote: 'GongwenAnnexNote',
  marks: { copy: 'GongwenCopyNumber', classification: 'GongwenClassification' },
  // A title line is one line of the grid, exactly (the attachment's title on the third line, as in the PDF): Writer
  // gives a snapped 2号 line of a face with tall ascenders two lines of the grid.
  offGrid: ['GongwenTitle'],
  notes: { faces: { eastAsia: FACE.fang, latin: FACE.latin }, style: 'GongwenNote' },
  faceOf: {
    GongwenTitle: FACE.title,
    GongwenH1: FACE.hei,
    GongwenH2: FACE.kai,
    GongwenByline: FACE.kai,
    GongwenCaption: FACE.kai,
    GongwenAttachmentLabel: FACE.hei,
    GongwenCopyNumber: FACE.hei,
    GongwenClassification: FACE.hei,
  },
};

/** An editor's copy: 小四 宋体 body, Word's Heading 1–4 for the navigation pane. */
export const BOOK: Look = {
  kind: 'book',
  body: { eastAsia: FACE.song, latin: FACE.latin },
  para: 'BookBody',
  size: 24,
  spacing: 0,
  indent: 480,
  styles: bookStyles(),
  heading: (depth) => `Heading${Math.min(4, depth)}`,
  title: 'Heading1',
  caption: 'Caption',
  attachmentLabel: 'AttachmentLabel',
  annexNote: 'AnnexNote',
  offGrid: [],
  notes: { faces: { eastAsia: FACE.song, latin: FACE.latin }, style: 'BookNote' },
  faceOf: { Heading1: FACE.hei, Heading2: FACE.hei, Heading3: FACE.hei, Heading4: FACE.hei, AttachmentLabel: FACE.hei },
};

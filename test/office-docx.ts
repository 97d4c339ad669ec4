// Office-style Word files for the import tests, made here with the `docx` package the way an
// office types a speech (never copied from a corpus): no Heading styles, headings typed as bold
// 黑体 / 楷体 lines with their GB/T 9704 markers, 仿宋 body runs indented with `　　`, a title
// with a manual line break, a captioned picture, a table and a footnote.
import { writeFile } from 'node:fs/promises';

/** What the office speech holds, for the assertions. */
export const OFFICE = {
  titleLines: ['关于推进区域协同发展', '工作情况的报告'],
  subtitle: '——在全市协同发展工作会议上的讲话',
  date: '（2024年3月1日）',
  /** Each heading as typed (markers kept, a final 。 kept) and the Markdown depth it must get. */
  headings: [
    ['一、总体成效', 2],
    ['（一）坚持稳中求进。', 3],
    ['1.加强统筹协调。', 4],
    ['（1）完善工作机制', 5],
    ['二、几点要求', 2],
    ['（二）强化协同创新', 3],
  ] as [string, number][],
  /** Body paragraphs, typed after `　　` in the file. */
  body: [
    '同志们：',
    '过去一年，我们坚持一张蓝图绘到底，各项工作取得明显成效。',
    '要坚持　一张蓝图　绘到底，久久为功。',
    '各部门要建立定期会商机制，及时研究解决重大问题。',
    '要把创新摆在发展全局的核心位置。',
    '同志们，让我们携手并进，共同开创协同发展新局面！',
  ],
  caption: '区域协同发展示意图',
  /** A second picture, captioned by a left-aligned `图2` line under it. */
  caption2: '图2 产业分布情况',
  note: '协同发展规划纲要于2015年4月审议通过。',
  table: [
    ['地区', '任务'],
    ['甲市', '科技创新中心'],
  ],
};

/** The title typed as two centred paragraphs, for the second file. */
export const TWO_PARA_TITLE = ['在全市经济工作会议', '上的讲话'];

const fang = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const hei = { eastAsia: '黑体', ascii: '黑体', hAnsi: '黑体' };
const kai = { eastAsia: '楷体_GB2312', ascii: '楷体_GB2312', hAnsi: '楷体_GB2312' };
const song = { eastAsia: '方正小标宋简体', ascii: '方正小标宋简体', hAnsi: '方正小标宋简体' };
const INDENT = '\u3000\u3000';

async function png(w: number, h: number, fill: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="${fill}"/></svg>`).render().asPng();
}

/** The office speech as a .docx at `file`. */
export async function officeDocx(file: string): Promise<void> {
  const d = await import('docx');
  const run = (text: string, font = fang, extra: { bold?: boolean } = {}) => new d.TextRun({ text, font, size: 32, ...extra });
  const body = (text: string, extra: InstanceType<typeof d.FootnoteReferenceRun>[] = []) => new d.Paragraph({ children: [run(INDENT + text), ...extra] });
  const centred = (children: InstanceType<typeof d.TextRun | typeof d.ImageRun>[]) => new d.Paragraph({ alignment: d.AlignmentType.CENTER, children });
  const [h1, h2, h3, h4, h5, h6] = OFFICE.headings.map(([t]) => t);
  const [b0, b1, b2, b3, b4, b5] = OFFICE.body;
  const cell = (text: string) => new d.TableCell({ children: [new d.Paragraph({ children: [new d.TextRun({ text, font: fang, size: 28 })] })] });
  const doc = new d.Document({
    footnotes: { 1: { children: [new d.Paragraph({ children: [new d.TextRun({ text: OFFICE.note, font: fang, size: 24 })] })] } },
    sections: [
      {
        children: [
          centred([new d.TextRun({ text: OFFICE.titleLines[0], font: song, size: 44 }), new d.TextRun({ text: OFFICE.titleLines[1], font: song, size: 44, break: 1 })]),
          centred([run(OFFICE.subtitle)]),
          centred([run(OFFICE.date, kai)]),
          body(b0!),
          body(b1!, [new d.FootnoteReferenceRun(1)]),
          // 一、 in bold 黑体, indented with `　　` as typed.
          new d.Paragraph({ children: [run(INDENT + h1!, hei, { bold: true })] }),
          // （一） in 楷体, not bold, with a final 。.
          new d.Paragraph({ children: [run(INDENT + h2!, kai)] }),
          body(b2!),
          // 1. and （1） in bold 仿宋.
          new d.Paragraph({ children: [run(INDENT + h3!, fang, { bold: true })] }),
          new d.Paragraph({ children: [run(INDENT + h4!, fang, { bold: true })] }),
          body(b3!),
          centred([new d.ImageRun({ type: 'png', data: await png(120, 60, '#c00'), transformation: { width: 120, height: 60 } })]),
          centred([run(OFFICE.caption, hei)]),
          new d.Table({ rows: OFFICE.table.map((r) => new d.TableRow({ children: r.map(cell) })), width: { size: 100, type: d.WidthType.PERCENTAGE } }),
          new d.Paragraph({ children: [run(INDENT + h5!, hei, { bold: true })] }),
          new d.Paragraph({ children: [run(INDENT + h6!, kai, { bold: true })] }),
          body(b4!),
          centred([new d.ImageRun({ type: 'png', data: await png(80, 40, '#06c'), transformation: { width: 80, height: 40 } })]),
          new d.Paragraph({ children: [run(OFFICE.caption2)] }),
          body(b5!),
        ],
      },
    ],
  });
  await writeFile(file, await d.Packer.toBuffer(doc));
}

/** A short speech whose title is typed as two consecutive centred 小标宋 paragraphs. */
export async function twoParagraphTitleDocx(file: string): Promise<void> {
  const d = await import('docx');
  const centred = (text: string, font: typeof fang, size: number) => new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text, font, size })] });
  const doc = new d.Document({
    sections: [
      {
        children: [
          centred(TWO_PARA_TITLE[0]!, song, 44),
          centred(TWO_PARA_TITLE[1]!, song, 44),
          centred(OFFICE.date, kai, 32),
          new d.Paragraph({ children: [new d.TextRun({ text: INDENT + OFFICE.body[0]!, font: fang, size: 32 })] }),
          new d.Paragraph({ children: [new d.TextRun({ text: INDENT + OFFICE.body[1]!, font: fang, size: 32 })] }),
        ],
      },
    ],
  });
  await writeFile(file, await d.Packer.toBuffer(doc));
}

/** A speech as an office types it for a 汇编: a centred 小标宋 title, the subtitle, 职务　姓名 and the date centred under it, then 仿宋 text. */
export interface BylineSpeech {
  title: string;
  subtitle?: string;
  speaker: string;
  date: string;
  body: string[];
}

/** {@link BylineSpeech} as a .docx at `file`. */
export async function bylineDocx(file: string, s: BylineSpeech): Promise<void> {
  const d = await import('docx');
  const centred = (text: string, font: typeof fang, size: number) => new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text, font, size })] });
  const doc = new d.Document({
    sections: [
      {
        children: [
          centred(s.title, song, 44),
          ...(s.subtitle ? [centred(s.subtitle, kai, 32)] : []),
          centred(s.speaker, kai, 32),
          centred(s.date, kai, 32),
          ...s.body.map((t) => new d.Paragraph({ children: [new d.TextRun({ text: INDENT + t, font: fang, size: 32 })] })),
        ],
      },
    ],
  });
  await writeFile(file, await d.Packer.toBuffer(doc));
}

// Fixtures for the import tests, made here from the seed speeches (never downloaded) and
// cached under test/.out/import-fixtures/<hash of this file and the manuscript>/ so the
// suite makes each one once.
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { parseSource } from '../src/manuscript/parse.js';
import { plainText } from '../src/model/text.js';
import { MANUSCRIPT, ROOT } from './helpers.js';

/** A seed speech as a reader sees it: its title and its paragraphs' plain text (attribution last). */
export interface SeedSpeech {
  title: string;
  paragraphs: string[];
  /** The bold lead of each paragraph that opens with one. */
  leads: string[];
}

/** The three speeches of manuscript/speeches.md, the expected result of every seed import. */
export function seedSpeeches(): SeedSpeech[] {
  const tree: Root = parseSource({ path: MANUSCRIPT, text: readFileSync(MANUSCRIPT, 'utf8'), notices: [] }).tree;
  const out: SeedSpeech[] = [];
  const visit = (nodes: Root['children']) => {
    for (const n of nodes) {
      if (n.type === 'heading' && n.depth === 1) out.push({ title: plainText(n), paragraphs: [], leads: [] });
      else if (n.type === 'paragraph') {
        out.at(-1)!.paragraphs.push(plainText(n));
        if (n.children[0]?.type === 'strong') out.at(-1)!.leads.push(plainText(n.children[0]));
      } else if (n.type === 'containerDirective') visit(n.children as Root['children']);
    }
  };
  visit(tree.children);
  return out;
}

const HERE = fileURLToPath(import.meta.url);
const KEY = createHash('sha256').update(readFileSync(HERE)).update(readFileSync(MANUSCRIPT)).digest('hex').slice(0, 12);
/** Where the fixtures of this version live. */
export const FIXTURES = path.join(ROOT, 'test/.out/import-fixtures', KEY);

/** Make `name` once (by `make`, which writes to the path it is given) and return its path. */
async function cached(name: string, make: (file: string) => Promise<void>): Promise<string> {
  const file = path.join(FIXTURES, name);
  if (existsSync(file)) return file;
  await mkdir(FIXTURES, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp${path.extname(name)}`;
  await make(tmp);
  await rename(tmp, file);
  return file;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The running head both PDFs print on every page. */
export const RUNNING_HEAD = '京津冀协同发展论坛讲话选编';

/** The seed speeches as Chromium prints them: A4, 28 characters a line, `— n —` page numbers, a running head. */
export function chromiumPdf(): Promise<string> {
  return cached('seed-a4-chromium.pdf', async (file) => {
    const body = seedSpeeches()
      .map((s) => `<h1>${esc(s.title)}</h1>\n${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}`)
      .join('\n');
    const html = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>${RUNNING_HEAD}</title><style>
@page { size: A4; margin: 37mm 26mm 35mm 26mm;
  @top-center { content: "${RUNNING_HEAD}"; font: 10.5pt "Noto Serif CJK SC"; }
  @bottom-center { content: "— " counter(page) " —"; font: 14pt "Noto Serif CJK SC"; } }
body { margin: 0; font: 15.75pt/1.8 "Noto Serif CJK SC"; width: 28em; }
h1 { font: bold 22pt/1.5 "Noto Serif CJK SC"; text-align: center; margin: 1em 0; break-before: page; }
h1:first-child { break-before: auto; }
p { margin: 0; text-indent: 2em; text-align: justify; }
</style></head><body>${body}</body></html>`;
    const { launchBrowser, printPdf } = await import('../src/tools/browser.js');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      await writeFile(file, await printPdf(page));
    } finally {
      await browser.close();
    }
  });
}

/** A TeX string: the seed text has none of TeX's specials but `%`, kept literal here. */
const tex = (s: string) => s.replace(/[\\{}$&#^_~%]/g, (c) => `\\${c}`);

/** Typeset a ctexart document with xelatex (twice is not needed: no references). */
async function xelatex(file: string, source: string): Promise<void> {
  const dir = await mkdtemp(`${file}.d`);
  try {
    await writeFile(path.join(dir, 'x.tex'), source);
    await execa('xelatex', ['-interaction=nonstopmode', '-halt-on-error', 'x.tex'], { cwd: dir, timeout: 120_000 });
    await rename(path.join(dir, 'x.pdf'), file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function latexBody(): string {
  return seedSpeeches()
    .map((s) => `\\clearpage\n\\begin{center}\\zihao{3}\\heiti ${tex(s.title)}\\end{center}\n\n${s.paragraphs.map(tex).join('\n\n')}`)
    .join('\n\n');
}

const LATEX_HEAD = `\\documentclass[zihao=-4]{ctexart}
\\usepackage[a5paper,margin=18mm,headsep=6mm,footskip=12mm]{geometry}
\\usepackage{fancyhdr}
\\pagestyle{fancy}\\fancyhf{}
\\fancyhead[C]{\\small ${RUNNING_HEAD}}
\\fancyfoot[C]{第 \\thepage{} 页}
\\renewcommand{\\headrulewidth}{0pt}
`;

/** The seed speeches typeset by xelatex: A5, a centred footer `第 n 页`, a running head, 2 em indents. */
export function xelatexPdf(): Promise<string> {
  return cached('seed-a5-xelatex.pdf', async (file) => {
    await xelatex(file, `${LATEX_HEAD}\\begin{document}\n${latexBody()}\n\\end{document}\n`);
  });
}

/** The same PDF encrypted with a user password (dvipdfmx's pdf:encrypt special). */
export function encryptedPdf(): Promise<string> {
  return cached('encrypted.pdf', async (file) => {
    const special = '\\special{pdf:encrypt userpw (secret) ownerpw (owner) length 128 perm 2052}';
    await xelatex(file, `${LATEX_HEAD}\\begin{document}${special}\n测试加密的文档。\n\\end{document}\n`);
  });
}

/** A "scanned" PDF: page 1 of the Chromium PDF as a picture, no text layer. */
export function scannedPdf(): Promise<string> {
  return cached('scanned.pdf', async (file) => {
    const src = await chromiumPdf();
    const png = `${file}.page`;
    await execa('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', src, png]);
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    const img = await doc.embedPng(await readFile(`${png}.png`));
    await rm(`${png}.png`);
    doc.addPage([595, 842]).drawImage(img, { x: 0, y: 0, width: 595, height: 842 });
    await writeFile(file, await doc.save());
  });
}

/** What the Word-style docx holds, for the assertions. */
export const WORD = {
  title: '筑梦京津冀，共谱新华章',
  subtitle: '——在2018京津冀协同发展论坛开幕式上的致辞',
  date: '（2018年7月26日）',
  headings: ['一、总体成效', '二、几点希望'],
  note: '京津冀协同发展战略于2014年2月提出。',
  table: [
    ['地区', '定位'],
    ['北京', '全国政治中心、文化中心'],
    ['天津', '全国先进制造研发基地'],
  ],
};

/**
 * A docx made the way a Word user makes one (with the `docx` package): a centred 22 pt
 * title, centred subtitle and date lines, body paragraphs with 2-character first-line
 * indents in 仿宋, 一、 headings typed as plain paragraphs in bold 黑体 by hand, the
 * first speech's bold leads as bold runs, one footnote, one table and one picture.
 */
export function wordDocx(): Promise<string> {
  return cached('word-style.docx', async (file) => {
    const d = await import('docx');
    const [s] = seedSpeeches();
    const fang = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
    const hei = { eastAsia: '黑体', ascii: '黑体', hAnsi: '黑体' };
    const body = (text: string, extra: InstanceType<typeof d.TextRun | typeof d.FootnoteReferenceRun>[] = []) =>
      new d.Paragraph({ indent: { firstLine: 640 }, children: [new d.TextRun({ text, font: fang, size: 32 }), ...extra] });
    const centred = (text: string, size: number, font = fang) =>
      new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text, font, size })] });
    const heading = (text: string) => new d.Paragraph({ indent: { firstLine: 640 }, children: [new d.TextRun({ text, font: hei, size: 32, bold: true })] });
    const paras = s!.paragraphs.slice(0, -1);
    const leadPara = (p: string) => {
      const lead = s!.leads.find((l) => p.startsWith(l));
      if (!lead) return body(p);
      return new d.Paragraph({
        indent: { firstLine: 640 },
        children: [new d.TextRun({ text: lead, font: hei, size: 32, bold: true }), new d.TextRun({ text: p.slice(lead.length), font: fang, size: 32 })],
      });
    };
    const { Resvg } = await import('@resvg/resvg-js');
    const png = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#c00"/></svg>').render().asPng();
    const cell = (text: string) => new d.TableCell({ children: [new d.Paragraph({ children: [new d.TextRun({ text, font: fang, size: 28 })] })] });
    const doc = new d.Document({
      footnotes: { 1: { children: [new d.Paragraph({ children: [new d.TextRun({ text: WORD.note, font: fang, size: 24 })] })] } },
      sections: [
        {
          children: [
            centred(WORD.title, 44, { eastAsia: '方正小标宋简体', ascii: '方正小标宋简体', hAnsi: '方正小标宋简体' }),
            centred(WORD.subtitle, 32),
            centred(WORD.date, 32, { eastAsia: '楷体_GB2312', ascii: '楷体_GB2312', hAnsi: '楷体_GB2312' }),
            heading(WORD.headings[0]!),
            body(paras[0]!, [new d.FootnoteReferenceRun(1)]),
            ...paras.slice(1, 4).map((p) => body(p)),
            new d.Table({ rows: WORD.table.map((r) => new d.TableRow({ children: r.map(cell) })), width: { size: 100, type: d.WidthType.PERCENTAGE } }),
            new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.ImageRun({ type: 'png', data: png, transformation: { width: 120, height: 60 } })] }),
            heading(WORD.headings[1]!),
            ...paras.slice(4).map(leadPara),
            body(s!.paragraphs.at(-1)!),
          ],
        },
      ],
    });
    await writeFile(file, await d.Packer.toBuffer(doc));
  });
}

/** A docx written by pandoc from Markdown: Heading styles, real bold, a footnote and a table. */
export function pandocDocx(): Promise<string> {
  return cached('pandoc.docx', async (file) => {
    const [, s] = seedSpeeches();
    const md = `# ${s!.title}\n\n${s!.paragraphs[0]}[^1]\n\n## ${WORD.headings[0]}\n\n${s!.paragraphs.slice(1, 3).join('\n\n')}\n\n| ${WORD.table[0]!.join(' | ')} |\n|---|---|\n${WORD.table.slice(1).map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\n[^1]: ${WORD.note}\n`;
    await execa('pandoc', ['-f', 'markdown', '-o', file], { input: md });
  });
}

/** A Word file cut off halfway, as a failed download leaves it. */
export function corruptDocx(): Promise<string> {
  return cached('corrupt.docx', async (file) => {
    const bytes = await readFile(await wordDocx());
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
  });
}

/** A zip of two text files renamed `.docx`. */
export function zipDocx(): Promise<string> {
  return cached('zip-renamed.docx', async (file) => {
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    zip.file('readme.txt', '不是 Word 文件').file('data/notes.txt', '一二三');
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
  });
}

/** Text that must not reach the manuscript from the saved page. */
export const PAGE_CHROME = ['首页', '国内新闻', '热门排行', '广告：', 'window.tracker', '版权所有', '分享到微信', '相关阅读'];

/**
 * The third seed speech saved from a news site: a header with navigation, a sidebar, an
 * ad, a share box, a script, a footer, and the article (its h1, a date line, the
 * paragraphs hard-wrapped in the source, the bold leads marked with <strong>).
 */
export function savedHtml(): Promise<string> {
  return cached('saved-page.html', async (file) => {
    const s = seedSpeeches()[2]!;
    const wrap = (t: string) => Array.from(t).reduce((acc, ch, i) => acc + (i && i % 40 === 0 ? '\n      ' : '') + esc(ch), '');
    const para = (p: string) => {
      const lead = s.leads.find((l) => p.startsWith(l));
      return lead ? `<p><strong>${esc(lead)}</strong>${wrap(p.slice(lead.length))}</p>` : `<p>${wrap(p)}</p>`;
    };
    const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(s.title)}--观点--人民网</title>
<script>window.tracker = { id: 42 }; document.write('<p>不该出现</p>');</script>
<style>.sidebar { float: right }</style></head>
<body>
<header class="top"><nav class="nav-main"><a href="/">首页</a> | <a href="/china">国内新闻</a></nav></header>
<div class="wrapper">
  <div class="sidebar"><h3>热门排行</h3><ul><li><a href="/1">相关阅读一</a></li><li>相关阅读二</li></ul></div>
  <div id="ad-top" class="ad"><p>广告：京津冀楼盘火热销售中</p></div>
  <article class="content">
    <h1>${esc(s.title)}</h1>
    <div class="share-box">分享到微信 分享到微博</div>
    ${s.paragraphs.map(para).join('\n    ')}
  </article>
  <div class="related"><h3>相关阅读</h3><p>另一篇文章的摘要，不属于本文。</p></div>
</div>
<footer><p>人民网版权所有，未经书面授权禁止使用</p></footer>
<script src="https://example.com/analytics.js"></script>
</body></html>
`;
    await writeFile(file, html);
  });
}

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

import { execa } from 'execa';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFArray, PDFDict, PDFName, PDFString, PDFHexString, PDFDocument, PDFStream, type PDFObject } from 'pdf-lib';
import { readZip } from './epub-zip.js';

/** Markup that runs script or loads from elsewhere: in a tag (text may say anything). */
const IN_TAG = [/^<script\b/i, /\son[a-z]+\s*=/i, /javascript:/i, /vbscript:/i, /\b(?:href|src)\s*=\s*["']?\s*(?:data:|https?:|\/\/|file:)/i];
/** The same in stylesheets. */
const IN_CSS = [/@import/i, /url\(\s*['"]?\s*(?:https?:|\/\/|data:|javascript:|file:)/i, /javascript:/i, /expression\(/i];

/** Every finding of script or outside reference in XML/HTML markup, as `where: tag`. */
export function scanMarkup(text: string, where: string): string[] {
  const found: string[] = [];
  // Character references could spell javascript: in disguise: judge a tag as a parser would read it.
  const decode = (tag: string) =>
    tag.replace(/&#x([0-9a-f]+);?|&#(\d+);?/gi, (_m, hex?: string, dec?: string) => String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec)));
  for (const m of text.matchAll(/<[^>]*>/g)) if (IN_TAG.some((re) => re.test(decode(m[0])))) found.push(`${where}: ${m[0].slice(0, 120)}`);
  for (const m of text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>|\sstyle\s*=\s*"([^"]*)"/gi)) {
    const css = m[1] ?? m[2] ?? '';
    if (IN_CSS.some((re) => re.test(css))) found.push(`${where}: style ${css.slice(0, 120)}`);
  }
  return found;
}

/** Script and outside references in every text file of an EPUB. */
export async function scanEpub(file: string): Promise<string[]> {
  const found: string[] = [];
  for (const e of readZip(await readFile(file))) {
    if (/\.(xhtml|html|opf|ncx|xml|svg)$/.test(e.name)) found.push(...scanMarkup(e.data.toString('utf8'), e.name));
    if (e.name.endsWith('.css') && IN_CSS.some((re) => re.test(e.data.toString('utf8')))) found.push(`${e.name}: stylesheet`);
  }
  return found;
}

/**
 * The deck: its slides (everything built from the manuscript) hold no script or outside
 * reference, and its only scripts are bookdeck's own files, byte for byte.
 */
export async function scanDeck(dir: string, builtins: Record<string, string>): Promise<string[]> {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const start = html.indexOf('<div class="slides">');
  const end = html.lastIndexOf('</div>');
  const found = scanMarkup(html.slice(start, end), 'deck slides');
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => /src="([^"]+)"/.exec(m[0])?.[1] ?? 'inline');
  for (const src of scripts) {
    const expected = builtins[src];
    if (!expected) found.push(`deck: script ${src} is not one of bookdeck's`);
    else if (!(await readFile(path.join(dir, src))).equals(await readFile(expected))) found.push(`deck: ${src} differs from bookdeck's ${expected}`);
  }
  for (const name of await readdir(dir, { recursive: true })) {
    // reveal.js's own files are copied as they are (its CSS inlines data: icons); the rest is checked.
    if (name.startsWith('reveal/') && /\.(css|js)$/.test(name)) {
      const builtin = path.join(builtins['reveal/reveal.js']!, '..', name.slice('reveal/'.length));
      if (!(await readFile(path.join(dir, name))).equals(await readFile(builtin))) found.push(`deck: ${name} differs from reveal.js's`);
    } else if (name.endsWith('.css')) {
      const css = await readFile(path.join(dir, name), 'utf8');
      if (IN_CSS.some((re) => re.test(css))) found.push(`deck: stylesheet ${name}`);
    }
  }
  return found;
}

/**
 * A PDF's actions and files: no embedded file (pdfdetach), and no JavaScript, launch
 * action or script/data/file URI in any object.
 */
export async function scanPdf(file: string): Promise<string[]> {
  const found: string[] = [];
  const list = await execa('pdfdetach', ['-list', file]);
  if (!/^0 embedded files/m.test(list.stdout)) found.push(`${file}: ${list.stdout.split('\n')[0]}`);
  const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? o.asString() : '');
  const visit = (o: PDFObject | undefined, where: string): void => {
    if (o instanceof PDFStream) {
      visit(o.dict, where);
      return;
    }
    if (o instanceof PDFArray) {
      for (const x of o.asArray()) visit(x, where);
      return;
    }
    if (!(o instanceof PDFDict)) return;
    for (const [key, value] of o.entries()) {
      const k = key.asString();
      if (['/JS', '/JavaScript', '/Launch', '/EmbeddedFile', '/EmbeddedFiles', '/RichMedia'].includes(k)) found.push(`${where}: ${k}`);
      if ((k === '/S' && ['/JavaScript', '/Launch', '/ImportData', '/SubmitForm'].includes(text(value))) || (k === '/URI' && /^\s*(?:javascript|data|file|vbscript):/i.test(text(value)))) {
        found.push(`${where}: ${k} ${text(value)}`);
      }
      if (value instanceof PDFDict || value instanceof PDFArray) visit(value, where);
    }
  };
  for (const [ref, obj] of pdf.context.enumerateIndirectObjects()) visit(obj, `object ${ref.toString()}`);
  return found;
}

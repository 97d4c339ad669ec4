import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Image, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFileMessage } from 'vfile-message';
import { BookdeckError } from '../errors.js';
import { warningMessage, type Location } from '../message.js';
import { IMAGE_TYPES, ImageStore, inside } from '../manuscript/images.js';
import { decodePercent } from '../model/text.js';
import { convertToPng, CONVERTED_TYPES } from './image-convert.js';
import type { Draft } from './draft.js';
import { fileTitle } from './write.js';

/** Where a draft is written, which decides where its images must be. */
export interface DraftPlace {
  /** The folder the Markdown is written to (the manuscript folder `build` will read). */
  outDir: string;
}

/** Media types of `data:` URIs, with the extension the decoded file gets. */
const DATA_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'image/webp': 'webp',
};

interface Found {
  node: Image;
  parent: Parent;
}

/**
 * Make every image of an imported draft one that `build` takes, checking each with the
 * same code `build` runs (ImageStore): a `data:` URI is decoded into `NAME-media/`, a
 * saved page's own file (relative, or in `NAME_files/`) is copied there, EMF/WMF/TIFF are
 * converted to PNG, and what still cannot be built (remote, absolute on the site, missing,
 * damaged) is removed with its alt text kept as a line of its own and one warning naming each.
 */
export async function settleImages(draft: Draft, place: DraftPlace): Promise<Draft> {
  const found: Found[] = [];
  for (const s of draft.speeches) collect({ type: 'root', children: s.body } as Root, found);
  if (!found.length) return draft;
  const outDir = path.resolve(place.outDir);
  const mediaDir = path.join(outDir, `${fileTitle(draft.file)}-media`);
  // Images a docx import extracted are written relative to the output; a page's are relative to the page.
  const extracted = new Set(draft.images ?? []);
  const store = new ImageStore(outDir);
  const fromFile = path.join(outDir, 'draft.md');
  const dropped: { node: Image; parent: Parent; why: string }[] = [];
  const notices: string[] = [];
  const warnings: VFileMessage[] = [];
  let decoded = 0;
  let copied = 0;
  for (const f of found) {
    const at: Location = f.node.position ? { file: draft.file, line: f.node.position.start.line } : { file: draft.file };
    try {
      const local = await localFile(f.node.url, { draft, extracted, outDir, mediaDir });
      if ('why' in local) {
        dropped.push({ ...f, why: local.why });
        continue;
      }
      let file = local.file;
      if (local.how === 'decoded') decoded++;
      if (local.how === 'copied') copied++;
      const ext = path.extname(file).slice(1).toLowerCase();
      if (CONVERTED_TYPES.includes(ext)) {
        const png = await convertToPng(file, mediaDir);
        if (typeof png !== 'string') {
          dropped.push({ ...f, why: `bookdeck could not convert this ${ext.toUpperCase()} picture to PNG (${png.why}); convert it by hand and add it back` });
          continue;
        }
        notices.push(`converted ${path.relative(outDir, file)} (${ext.toUpperCase()}, which e-readers need not show) to ${path.relative(outDir, png)}`);
        // Only a file this import wrote itself is replaced; the page's own files are never touched.
        if (local.how !== 'source') await rm(file, { force: true });
        file = png;
      }
      const url = path.relative(outDir, file).split(path.sep).join('/');
      // The check build runs: inside the folder, a regular file, a type e-readers show, bytes sound.
      await store.add(url, fromFile, at);
      f.node.url = url;
    } catch (err) {
      if (!(err instanceof BookdeckError)) throw err;
      dropped.push({ ...f, why: err.message });
    }
  }
  if (decoded) notices.push(`decoded ${decoded} data: image${decoded === 1 ? '' : 's'} into ${mediaDir}`);
  if (copied) notices.push(`copied ${copied} of the page's own image${copied === 1 ? '' : 's'} into ${mediaDir}`);
  if (dropped.length) {
    const named = dropped.map((d) => `'${shortUrl(d.node.url)}'${d.node.position ? ` (line ${d.node.position.start.line})` : ''}: ${d.why}`);
    const first = dropped.find((d) => d.node.position)?.node.position;
    warnings.push(
      warningMessage(
        'W_IMPORT_IMAGE_DROPPED',
        `removed ${dropped.length} image${dropped.length === 1 ? '' : 's'} build cannot take, each alt text kept as a line of its own: ${named.join('; ')}`,
        first ? { file: draft.file, line: first.start.line } : { file: draft.file },
      ),
    );
    const touched = new Set<Parent>();
    for (const d of dropped) {
      replaceWithAlt(d.node, d.parent);
      touched.add(d.parent);
    }
    for (const s of draft.speeches) s.body = pruneEmpty(s.body, touched) as RootContent[];
  }
  return { ...draft, notices: [...draft.notices, ...notices], warnings: [...(draft.warnings ?? []), ...warnings] };
}

type Local = { file: string; how: 'decoded' | 'copied' | 'source' | 'extracted' } | { why: string };

/** The file on this machine an image reference stands for, brought inside the output folder; or why there is none. */
async function localFile(url: string, ctx: { draft: Draft; extracted: Set<string>; outDir: string; mediaDir: string }): Promise<Local> {
  if (/^data:/i.test(url)) return decodeData(url, ctx.mediaDir);
  const pageDir = path.dirname(path.resolve(ctx.draft.file));
  const ownFiles = path.join(pageDir, `${fileTitle(ctx.draft.file)}_files`);
  const remote = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);
  const plain = decodePercent(url.replace(/[?#].*$/, ''));
  if (remote || path.isAbsolute(plain)) {
    // A page saved "complete" keeps its pictures in NAME_files/, under their own names.
    const saved = plain ? path.join(ownFiles, path.posix.basename(plain)) : '';
    if (saved && (await isFile(saved))) return bringInside(saved, ctx);
    return { why: remote ? 'a remote image (bookdeck downloads nothing)' : 'an absolute path on the web site, not a file saved with the page' };
  }
  if (ctx.extracted.has(url)) return { file: path.resolve(ctx.outDir, plain), how: 'extracted' };
  const beside = path.resolve(pageDir, plain);
  if (await isFile(beside)) return bringInside(beside, ctx);
  const saved = path.join(ownFiles, path.basename(plain));
  if (await isFile(saved)) return bringInside(saved, ctx);
  return { why: `not saved with the page (no file at ${beside})` };
}

/** A file the page saved: used where it is when already inside the output folder, else copied to the media folder. */
async function bringInside(file: string, ctx: { outDir: string; mediaDir: string }): Promise<Local> {
  const real = await realpath(file);
  if (inside(await realpath(ctx.outDir), real)) return { file: path.join(ctx.outDir, path.relative(await realpath(ctx.outDir), real)), how: 'source' };
  const bytes = await readFile(real);
  const ext = path.extname(real).toLowerCase() || '.img';
  const target = path.join(ctx.mediaDir, `${hashName(bytes)}${ext}`);
  await mkdir(ctx.mediaDir, { recursive: true });
  await copyFile(real, target);
  return { file: target, how: 'copied' };
}

/** A `data:` URI decoded to a file in the media folder, named by its bytes. */
async function decodeData(url: string, mediaDir: string): Promise<Local> {
  const m = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/is.exec(url);
  if (!m) return { why: 'a data: URI without a comma (not decodable)' };
  const type = (m[1] || 'text/plain').trim().toLowerCase();
  const ext = DATA_TYPES[type];
  if (!ext) return { why: `a data: URI of type ${type}, not an image type e-readers show (${Object.keys(IMAGE_TYPES).join(', ')})` };
  const base64 = /;base64$/i.test(m[2]!.trim());
  const bytes = base64 ? Buffer.from(m[3]!.replace(/\s+/g, ''), 'base64') : Buffer.from(decodePercent(m[3]!), 'utf8');
  if (!bytes.length) return { why: 'an empty data: URI' };
  const file = path.join(mediaDir, `${hashName(bytes)}.${ext}`);
  await mkdir(mediaDir, { recursive: true });
  await writeFile(file, bytes);
  return { file, how: 'decoded' };
}

const hashName = (bytes: Uint8Array) => `img-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;

const isFile = (file: string) => stat(file).then((s) => s.isFile(), () => false);

/** A URL short enough for a warning: a `data:` URI by its type and size. */
function shortUrl(url: string): string {
  if (/^data:/i.test(url)) return `${url.slice(0, url.search(/[;,]/) === -1 ? 30 : url.search(/[;,]/))}… (${url.length.toLocaleString('en')} characters)`;
  return url.length > 120 ? `${url.slice(0, 117)}…` : url;
}

/** Every image node with the node that holds it. */
function collect(node: Nodes, out: Found[]): void {
  if (!('children' in node)) return;
  for (const c of node.children as Nodes[]) {
    if (c.type === 'image') out.push({ node: c, parent: node as Parent });
    else collect(c, out);
  }
}

/**
 * The image replaced by its alt text. Alone in its paragraph, the alt text is that
 * paragraph: a caption line. Among other text it stands on a line of its own (hard breaks
 * around it), so no sentence gains words in its middle. No alt text: the image just goes.
 */
function replaceWithAlt(node: Image, parent: Parent): void {
  const i = parent.children.indexOf(node);
  if (i === -1) return;
  const alt = (node.alt ?? '').trim();
  if (!alt) {
    parent.children.splice(i, 1);
    return;
  }
  const text: PhrasingContent = { type: 'text', value: alt };
  const meaningful = (n: RootContent | undefined) => n !== undefined && !(n.type === 'text' && !n.value.trim()) && n.type !== 'break';
  const before = parent.children.slice(0, i).some((n) => meaningful(n as RootContent));
  const after = parent.children.slice(i + 1).some((n) => meaningful(n as RootContent));
  const inLink = parent.type === 'link';
  const parts: PhrasingContent[] = inLink ? [text] : [...(before ? [{ type: 'break' } as const] : []), text, ...(after ? [{ type: 'break' } as const] : [])];
  parent.children.splice(i, 1, ...(parts as Parent['children']));
}

/** Paragraphs and links that held only a removed image without alt text, and so hold nothing now, are removed. */
function pruneEmpty(list: Nodes[], touched: Set<Parent>): Nodes[] {
  const out: Nodes[] = [];
  for (const n of list) {
    if (!('children' in n)) {
      out.push(n);
      continue;
    }
    const had = n.children.length;
    n.children = pruneEmpty(n.children as Nodes[], touched) as typeof n.children;
    const blank = n.children.every((c: Nodes) => (c.type === 'text' && !c.value.trim()) || c.type === 'break');
    // Emptied here or by the pruning inside it (a paragraph whose only link held the image).
    if (blank && (n.type === 'paragraph' || n.type === 'link') && (touched.has(n as Parent) || n.children.length < had)) continue;
    out.push(n);
  }
  return out;
}

import path from 'node:path/posix';
import JSZip from 'jszip';
import { HANDOUT_LABEL } from '../src/emit/deck/qr.js';

/** One slide of a PPTX as a client shows it: its paragraphs' text and its notes' paragraphs. */
export interface PptxSlide {
  part: string;
  layout: string;
  paragraphs: string[];
  notes: string[];
}

/** A PPTX read back from its bytes. */
export interface Pptx {
  zip: JSZip;
  parts: string[];
  slides: PptxSlide[];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!);

/** The text of each `<a:p>` of a part, runs joined, fields (slide numbers) left out. */
export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((m) => m[1]!.replace(/<a:fld\b[\s\S]*?<\/a:fld>/g, ''))
    .map((p) => [...p.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unescape(t[1]!)).join(''))
    .filter((t) => t !== '');
}

/** Relationships of a part: id → absolute part name and type. */
async function rels(zip: JSZip, part: string): Promise<Map<string, { target: string; type: string }>> {
  const file = path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
  const xml = (await zip.file(file)?.async('string')) ?? '';
  const out = new Map<string, { target: string; type: string }>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = m[1]!;
    const get = (k: string) => new RegExp(`\\b${k}="([^"]*)"`).exec(a)?.[1] ?? '';
    if (get('TargetMode') === 'External') continue;
    out.set(get('Id'), { target: path.normalize(path.join(path.dirname(part), get('Target'))).replace(/^\//, ''), type: get('Type').split('/').pop()! });
  }
  return out;
}

/** Read a PPTX: its parts and its slides in presentation order, each with its notes. */
export async function readPptx(bytes: Uint8Array): Promise<Pptx> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const presentation = (await zip.file('ppt/presentation.xml')?.async('string')) ?? '';
  const presRels = await rels(zip, 'ppt/presentation.xml');
  const slides: PptxSlide[] = [];
  for (const m of presentation.matchAll(/<p:sldId\b[^>]*r:id="([^"]+)"/g)) {
    const part = presRels.get(m[1]!)?.target ?? `(missing ${m[1]})`;
    const xml = (await zip.file(part)?.async('string')) ?? '';
    const slideRels = [...(await rels(zip, part)).values()];
    const notesPart = slideRels.find((r) => r.type === 'notesSlide')?.target;
    const notesXml = notesPart ? ((await zip.file(notesPart)?.async('string')) ?? '') : '';
    // The notes are the body placeholder's paragraphs (the slide image and number hold none).
    const body = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="body"[\s\S]*?<\/p:sp>/.exec(notesXml)?.[0] ?? '';
    slides.push({ part, layout: slideRels.find((r) => r.type === 'slideLayout')?.target ?? '', paragraphs: paragraphsOf(xml), notes: paragraphsOf(body) });
  }
  return { zip, parts, slides };
}

/**
 * What PowerPoint and WPS need of the package and this one lacks: a content type for every
 * part, every internal relationship's target present, one slide part per slide id, and a
 * notes master (listed in presentation.xml, related, present) whenever a slide has notes.
 */
export async function packageProblems(p: Pptx): Promise<string[]> {
  const out: string[] = [];
  const types = (await p.zip.file('[Content_Types].xml')?.async('string')) ?? '';
  if (!types) out.push('no [Content_Types].xml');
  const overrides = new Set([...types.matchAll(/<Override\b[^>]*PartName="\/([^"]+)"/g)].map((m) => m[1]!));
  const defaults = new Set([...types.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
  for (const part of p.parts) {
    if (part === '[Content_Types].xml') continue;
    if (!overrides.has(part) && !defaults.has(part.split('.').pop()!.toLowerCase())) out.push(`${part} has no content type`);
  }
  for (const o of overrides) if (!p.parts.includes(o)) out.push(`[Content_Types].xml names ${o}, which is missing`);
  for (const part of p.parts.filter((n) => n.endsWith('.xml') && !n.includes('_rels/') && n !== '[Content_Types].xml')) {
    for (const [id, r] of await rels(p.zip, part)) if (!p.parts.includes(r.target)) out.push(`${part} ${id} points at ${r.target}, which is missing`);
  }
  // PowerPoint refuses a theme whose style lists do not hold exactly three entries (LibreOffice does not mind).
  for (const theme of p.parts.filter((n) => /^ppt\/theme\/theme\d+\.xml$/.test(n))) {
    const xml = (await p.zip.file(theme)?.async('string')) ?? '';
    for (const list of ['fillStyleLst', 'lnStyleLst', 'effectStyleLst', 'bgFillStyleLst']) {
      const inner = new RegExp(`<a:${list}>([\\s\\S]*?)</a:${list}>`).exec(xml)?.[1];
      const n = inner === undefined ? 0 : topLevelElements(inner);
      if (n !== 3) out.push(`${theme}: a:${list} has ${n} entries, not 3`);
    }
  }
  const slideParts = p.parts.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  if (slideParts.length !== p.slides.length) out.push(`${slideParts.length} slide parts, ${p.slides.length} slide ids`);
  const notesSlides = p.parts.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
  if (notesSlides.length > 0) {
    const presentation = (await p.zip.file('ppt/presentation.xml')?.async('string')) ?? '';
    const masterRel = [...(await rels(p.zip, 'ppt/presentation.xml')).values()].find((r) => r.type === 'notesMaster');
    if (!/<p:notesMasterIdLst>\s*<p:notesMasterId\b/.test(presentation)) out.push('slides have notes but presentation.xml lists no notes master');
    if (!masterRel) out.push('slides have notes but presentation.xml has no notesMaster relationship');
    if (!p.parts.some((n) => /^ppt\/notesMasters\/notesMaster\d+\.xml$/.test(n))) out.push('slides have notes but the package has no notes master part');
    for (const n of notesSlides) {
      if (![...(await rels(p.zip, n)).values()].some((r) => r.type === 'notesMaster')) out.push(`${n} has no notesMaster relationship`);
    }
  }
  return out;
}

/** The children of an XML fragment at its top level. */
function topLevelElements(xml: string): number {
  let depth = 0;
  let n = 0;
  for (const m of xml.matchAll(/<(\/?)[\w:]+[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) n++;
      if (!m[2]) depth++;
    }
  }
  return n;
}

/**
 * A text bookdeck may add to a slide: numbers, the `2018年7月26日` date,
 * and the closing slide's label over the handout's QR code (exactly it, nothing around it).
 * A figure's caption opens with the Book's label (`图 1`); the rest of it must be verbatim.
 */
const FIGURE_LABEL = /^图\d+/u;
const ADDED = new RegExp(`^(?:[\\d/.]+|\\d{4}年\\d{1,2}月\\d{1,2}日|${HANDOUT_LABEL})$`, 'u');

/** Every slide or notes paragraph that is not verbatim in `corpus` (whitespace ignored). */
export function unverbatim(p: Pptx, corpus: string): string[] {
  const squash = (s: string) => s.replace(/\s+/gu, '');
  const text = squash(corpus);
  return p.slides.flatMap((s, i) =>
    [...s.paragraphs, ...s.notes].filter((t) => !ADDED.test(squash(t)) && !text.includes(squash(t).replace(FIGURE_LABEL, ''))).map((t) => `slide ${i + 1}: ${t}`),
  );
}

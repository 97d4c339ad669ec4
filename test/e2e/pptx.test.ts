import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBook } from '../../src/manuscript/load.js';
import type { Book } from '../../src/model/book.js';
import { planTalk } from '../../src/emit/deck/talk.js';
import { DEFAULT_OUT, defaultBuilt, MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';
import { impressToPdf } from '../../src/tools/impress.js';
import { packageProblems, readPptx, unverbatim, type Pptx } from '../pptx-check.js';
import { FONT_PROFILES, REFERENCE_DOCS, venueFontconfig } from '../../src/emit/deck/pptx-fonts.js';

// Reads the default book global setup builds.
beforeAll(defaultBuilt);

const PPTX = path.join(DEFAULT_OUT, 'deck.pptx');

let book: Book;
let pptx: Pptx;
let corpus: string;

beforeAll(async () => {
  book = (await loadBook(MANUSCRIPT)).book;
  pptx = await readPptx(await readFile(PPTX));
  const m = book.meta;
  corpus = [m.title, m.subtitle, m.author, ...book.chapters.flatMap((c) => [c.title, c.attribution?.text, ...c.paragraphs.map((p) => p.text)])]
    .filter(Boolean)
    .join('\n');
});

/** A copy of the built PPTX, changed by `edit`, read back. */
async function broken(edit: (zip: Pptx['zip']) => Promise<void>): Promise<Pptx> {
  const copy = await readPptx(await readFile(PPTX));
  await edit(copy.zip);
  return readPptx(await copy.zip.generateAsync({ type: 'uint8array' }));
}

describe('deck.pptx (build --pptx)', () => {
  it('has every part PowerPoint needs: content types, relationships, and a notes master for the notes', async () => {
    expect(await packageProblems(pptx)).toEqual([]);
    expect(pptx.parts).toContain('ppt/notesMasters/notesMaster1.xml');
    // A notes slide for each slide with notes: the whole speech is in the notes (the opening, the parts, the closing on the summary).
    const noted = planTalk(book).slides.filter(
      (s) =>
        s.kind === 'proposal' ||
        s.kind === 'context' ||
        (s.kind === 'speech' && (s.speech.attribution || s.script?.length)) ||
        (s.kind === 'part' && s.script?.length) ||
        (s.kind === 'summary' && s.closings?.length),
    );
    expect(pptx.parts.filter((p) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(p)).length).toBe(noted.length);
  });

  it('has the HTML deck’s slides in the same order: one per slide of the model, speeches as section headers', async () => {
    const talk = planTalk(book);
    const html = await readFile(path.join(DEFAULT_OUT, 'deck/index.html'), 'utf8');
    expect(pptx.slides.length).toBe(talk.slides.length);
    expect(html.match(/<section /g)!.length).toBe(talk.slides.length);
    talk.slides.forEach((s, i) => {
      const got = pptx.slides[i]!;
      if (s.kind === 'title') expect(got.layout).toBe('ppt/slideLayouts/slideLayout1.xml');
      if (s.kind === 'speech') {
        expect(got.layout).toBe('ppt/slideLayouts/slideLayout3.xml');
        expect(got.paragraphs).toEqual([s.speech.title]);
      }
      if (s.kind === 'proposal') {
        // The title, then each key point as one paragraph of real text, then the full paragraph in the notes.
        expect(got.paragraphs).toEqual([s.proposal.title, ...s.proposal.keyPoints]);
        expect(got.notes).toEqual([...(s.intro ? [s.intro] : []), s.proposal.text, ...(s.script ?? [])]);
      }
    });
  });

  it('holds only the manuscript’s words, verbatim, on the slides and in the notes', () => {
    expect(unverbatim(pptx, corpus)).toEqual([]);
  });

  it('the checks catch a missing notes master, a changed text and a lost slide', async () => {
    const noMaster = await broken(async (zip) => {
      zip.remove('ppt/notesMasters/notesMaster1.xml');
      zip.remove('ppt/notesMasters/_rels/notesMaster1.xml.rels');
      const pres = await zip.file('ppt/presentation.xml')!.async('string');
      zip.file('ppt/presentation.xml', pres.replace(/<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/, ''));
    });
    expect(await packageProblems(noMaster)).toEqual(expect.arrayContaining(['slides have notes but presentation.xml lists no notes master', 'slides have notes but the package has no notes master part']));
    const edited = await broken(async (zip) => {
      const xml = await zip.file('ppt/slides/slide5.xml')!.async('string');
      zip.file('ppt/slides/slide5.xml', xml.replace('深化三地信息互通', '深化三地信息沟通'));
    });
    expect(unverbatim(edited, corpus)).toEqual(['slide 5: 深化三地信息沟通、政策协同']);
    const lost = await broken(async (zip) => {
      const pres = await zip.file('ppt/presentation.xml')!.async('string');
      zip.file('ppt/presentation.xml', pres.replace(/<p:sldId [^>]*\/>/, ''));
    });
    expect(lost.slides.length).not.toBe(planTalk(book).slides.length);
    expect(await packageProblems(lost)).toContain(`${pptx.slides.length} slide parts, ${pptx.slides.length - 1} slide ids`);
  });

  it('opens in LibreOffice Impress: one page per slide, in CJK faces, no Type 3 fonts, every title on its page', async () => {
    const dir = await scratchDir('pptx-impress');
    const pdf = await impressToPdf(PPTX, dir, undefined, venueFontconfig());
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(pptx.slides.length);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansCJK/);
    expect(fonts).toMatch(/NotoSerifCJK/);
    expect(fonts).not.toMatch(/Type 3/);
    // Every face is a Noto CJK one (the venue faces' stand-ins here): no text, bullets included,
    // fell back to a Latin face. The names say "jp" because the collection's faces share one CFF
    // table; the glyphs are the SC face's.
    const names = fonts.split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!);
    expect(names.filter((n) => !/^[A-Z]{6}\+Noto(Sans|Serif)CJK/.test(n))).toEqual([]);
    pptx.slides.forEach((s, i) => {
      const page = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
      if (s.paragraphs[0]) expect(page, `page ${i + 1}`).toContain(s.paragraphs[0].replace(/\s+/gu, ''));
    });
  });

  it('is the same bytes on every build with the same SOURCE_DATE_EPOCH (and without it, from the manuscript date)', async () => {
    const builds = [];
    for (const [name, env] of [['a', { SOURCE_DATE_EPOCH: '1700000000' }], ['b', { SOURCE_DATE_EPOCH: '1700000000' }], ['c', {}], ['d', {}]] as const) {
      const out = await scratchDir(`pptx-repro-${name}`);
      const res = await runCli(['build', '--only', 'pptx', '-o', out, '--quiet'], { env });
      expect(res.exitCode, res.all).toBe(0);
      builds.push(await readFile(path.join(out, 'deck.pptx')));
    }
    expect(Buffer.compare(builds[0]!, builds[1]!)).toBe(0);
    expect(Buffer.compare(builds[2]!, builds[3]!)).toBe(0);
    const core = await (await readPptx(builds[2]!)).zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${book.meta.date}T00:00:00Z</dcterms:created>`);
  });

  it('uses the committed reference docs, which scripts/reference-pptx.mjs makes from pandoc’s default byte for byte, with the faces of each font profile', async () => {
    const dir = await scratchDir('pptx-reference');
    execFileSync('node', [path.join(ROOT, 'scripts/reference-pptx.mjs'), dir]);
    for (const [profile, file] of Object.entries(REFERENCE_DOCS)) {
      const made = await readFile(path.join(dir, path.basename(file)));
      expect(Buffer.compare(made, await readFile(path.join(ROOT, 'templates', file))), file).toBe(0);
      const { heading, body } = FONT_PROFILES[profile as keyof typeof FONT_PROFILES];
      const theme = await (await readPptx(made)).zip.file('ppt/theme/theme1.xml')!.async('string');
      expect(theme).toContain(`<a:majorFont><a:latin typeface="${heading.latin}"/><a:ea typeface="${heading.ea}"/>`);
      expect(theme).toContain(`<a:minorFont><a:latin typeface="${body.latin}"/><a:ea typeface="${body.ea}"/>`);
    }
    // The default build uses the venue profile.
    const theme = await pptx.zip.file('ppt/theme/theme1.xml')!.async('string');
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Arial"\/><a:ea typeface="微软雅黑"\/>/);
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Times New Roman"\/><a:ea typeface="宋体"\/>/);
    const pres = await pptx.zip.file('ppt/presentation.xml')!.async('string');
    expect(pres).toContain('type="screen16x9"');
  });
});

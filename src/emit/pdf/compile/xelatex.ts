import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempName, writeFileAtomic } from '../../../io/atomic.js';
import { SC_FACES } from '../../../fonts/sc-faces.js';
import { runXdvipdfmx, runXelatex } from '../../../tools/latex.js';
import { FORMAT_NAME } from '../latex/preamble-format.js';
import type { TexFile } from '../images/collect.js';
import { AUX_FILES, needsAnotherPass, type AuxSnapshot } from './passes.js';
import { lostChars, type LostChar } from '../../../tools/latex-log.js';

/** One LaTeX document to turn into a PDF. */
export interface CompileJob {
  tex: string;
  /** Names the cache of this document's auxiliary files, e.g. `a4`. */
  variant: string;
  /** The build's work folder (ctx.workDir). */
  workDir: string;
  /** Folder holding the extracted SC faces. */
  fontDir: string;
  /** Files the document includes (images), written beside it. */
  files?: readonly TexFile[];
  /** Further files linked beside it (fonts found outside TeX's trees). */
  links?: readonly { name: string; target: string }[];
  /** A precompiled format of the document's preamble (absolute `.fmt` path), from preambleFormat. */
  format?: string;
  /** The build's date in seconds: every date in the PDF, and its /ID. */
  epoch: number;
  signal?: AbortSignal;
  progress?: (message: string) => void;
  /** Told when a pass with the format failed and the plain path took over. */
  notice?: (message: string) => void;
}

/** What a compile produced. */
export interface Compiled {
  pdf: Uint8Array;
  passes: number;
  /** False when the cross-references still moved after the last allowed pass. */
  settled: boolean;
  /** Characters the last pass could not print, each with the font that lacked it (from the log). */
  lost: LostChar[];
}

/**
 * `.tex` → PDF with as few xelatex passes as the document needs. Each run works in its
 * own folder (two builds of one output folder never share files); the auxiliary files
 * of the last good run are cached per variant and seed the next run, so an unchanged
 * table of contents costs one pass instead of two.
 */
export async function compileTex(job: CompileJob): Promise<Compiled> {
  const dir = tempName(job.workDir, `pdf-${job.variant}`);
  const cache = path.join(job.workDir, 'pdf', job.variant);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'book.tex'), job.tex);
  // The fonts are linked in, so the template names them by file with no path in TeX.
  await Promise.all(SC_FACES.map((f) => symlink(path.join(job.fontDir, f.file), path.join(dir, f.file))));
  await Promise.all((job.links ?? []).map((l) => symlink(l.target, path.join(dir, l.name))));
  await Promise.all((job.files ?? []).map((f) => writeFile(path.join(dir, f.name), f.bytes)));
  // Linked in, since TeX may read only below the run folder (openin_any=p) and finds formats in it first.
  if (job.format) await symlink(job.format, path.join(dir, `${FORMAT_NAME}.fmt`));
  let format = job.format ? FORMAT_NAME : undefined;
  for (const name of AUX_FILES) {
    const cached = await readFile(path.join(cache, name)).catch(() => undefined);
    if (cached) await writeFile(path.join(dir, name), cached);
  }
  const opts = { cwd: dir, epoch: job.epoch, ...(job.signal ? { signal: job.signal } : {}) };
  let passes = 0;
  let before = await snapshot(dir);
  let after: AuxSnapshot;
  for (;;) {
    job.progress?.(`xelatex pass ${passes + 1} (${job.variant}${format ? ', precompiled format' : ''})`);
    try {
      await runXelatex('book.tex', opts, format);
    } catch (err) {
      if (!format || job.signal?.aborted) throw err;
      // The plain path decides: the pass again from the same auxiliary files, without the format.
      format = undefined;
      await restore(dir, before);
      await runXelatex('book.tex', opts);
      job.notice?.(`xelatex failed with the precompiled format (${job.variant}); ran without it`);
    }
    passes++;
    after = await snapshot(dir);
    if (!needsAnotherPass(before, after, passes)) break;
    before = after;
  }
  const settled = !needsAnotherPass(before, after, 0);
  job.progress?.(`xdvipdfmx (${job.variant})`);
  await runXdvipdfmx('book.xdv', 'book.pdf', opts);
  const pdf = await readFile(path.join(dir, 'book.pdf'));
  const lost = lostChars(await readFile(path.join(dir, 'book.log'), 'utf8').catch(() => ''));
  await mkdir(cache, { recursive: true });
  for (const name of AUX_FILES) {
    const text = after[name];
    if (text === undefined) await rm(path.join(cache, name), { force: true });
    else await writeFileAtomic(path.join(cache, name), text, job.workDir);
  }
  // A failed run keeps its folder (and book.log) for a look; the next build sweeps it.
  await rm(dir, { recursive: true, force: true });
  return { pdf, passes, settled, lost };
}

async function restore(dir: string, snap: AuxSnapshot): Promise<void> {
  await Promise.all(
    AUX_FILES.map((name) => {
      const text = snap[name];
      return text === undefined ? rm(path.join(dir, name), { force: true }) : writeFile(path.join(dir, name), text);
    }),
  );
}

async function snapshot(dir: string): Promise<AuxSnapshot> {
  const entries = await Promise.all(
    AUX_FILES.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8').catch(() => undefined)] as const),
  );
  return Object.fromEntries(entries);
}

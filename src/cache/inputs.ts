import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Format } from '../formats.js';
import type { BuildRequest } from '../request/request.js';
import { ENTRIES, type Group } from '../config/options/tables.js';
import { WORK_DIR_NAME } from '../io/atomic.js';
import { IMAGE_TYPES } from '../manuscript/images.js';
import { PACKAGE_ROOT } from '../paths.js';
import { systemKey, type SystemInputs } from './system.js';

/** Content hash of everything one artifact is built from. */
export type CacheKey = string;

// Folders under the manuscript root that never hold an image of the book.
const SKIP_DIRS = new Set(['node_modules', '.git', WORK_DIR_NAME]);
const MAX_ASSETS = 5000;

/** What of a request keys the caches: each format's options and the build's date. */
export type KeyedRequest = Pick<BuildRequest, 'pdf' | 'epub' | 'deck' | 'docx' | 'wechat' | 'date'>;

/** What keys are computed from; gathered once per build. */
export interface KeyInputs {
  manuscript: string[];
  manuscriptRoot: string;
  /** The output folder: never walked for assets, even when it is inside the manuscript folder. */
  outDir: string;
  templateDirs: string[];
  /** The options (per format) and the build's SOURCE_DATE_EPOCH. */
  request: KeyedRequest;
  config?: string;
  /** fc-list's listing, for a gongwen PDF: installing 仿宋_GB2312 must rebuild it. */
  fonts?: string;
  /** The machine: font folders and programs (see {@link systemKey}). */
  system: SystemInputs;
}

/** Options that change an artifact's bytes, for one format: those whose table entry keys it. */
function optionsFor(format: Format, request: KeyedRequest): unknown {
  return Object.fromEntries(ENTRIES.filter((e) => e.spec.keys.includes(format)).map(({ group, name }) => [name, (request[group as Exclude<Group, 'common'>] as Record<string, unknown>)[name]]));
}

/**
 * Key per format: manuscript bytes, the images beside it (by size and mtime), the
 * format's templates, config, relevant options, SOURCE_DATE_EPOCH and the tool's code.
 */
export async function cacheKeys(inputs: KeyInputs, formats: Format[]): Promise<Record<Format, CacheKey>> {
  const [manuscript, assets, tool] = await Promise.all([
    hashFiles(inputs.manuscript),
    imageStats(inputs.manuscriptRoot, inputs.outDir),
    toolHash(),
  ]);
  const shared = [manuscript, assets, tool, inputs.config ?? '', inputs.request.date.sourceEpoch ?? ''];
  const keys = {} as Record<Format, CacheKey>;
  await Promise.all(
    formats.map(async (format) => {
      const folder = format === 'deck-pdf' || format === 'pptx' ? 'deck' : format;
      const templates = await Promise.all(inputs.templateDirs.map((d) => hashTreeContents(path.join(d, folder))));
      const fonts = format === 'pdf' && inputs.fonts ? sha(inputs.fonts) : '';
      const system = await systemKey(format, inputs.system, hashTreeStats);
      keys[format] = sha(JSON.stringify([format, ...shared, templates, optionsFor(format, inputs.request), fonts, system]));
    }),
  );
  return keys;
}

let toolHashPromise: Promise<string> | undefined;

/**
 * Hash of bookdeck's own compiled code (by size and mtime: every build of the cache
 * check would otherwise read all of lib/) and version: a new bookdeck rebuilds everything.
 */
function toolHash(): Promise<string> {
  toolHashPromise ??= Promise.all([
    hashTreeStats(path.join(PACKAGE_ROOT, 'lib')),
    readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8').catch(() => ''),
  ]).then(([code, pkg]) => sha(code + pkg));
  return toolHashPromise;
}

async function hashFiles(files: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const buf of await Promise.all(files.map((f) => readFile(f)))) h.update(buf).update('\0');
  return h.digest('hex');
}

/** Every file under `dir` but dot-files, in a stable order. */
async function walk(dir: string, out: string[] = []): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/**
 * Size and mtime of the files under the manuscript folder that can reach an output:
 * images (the only files besides the manuscript, config and templates a build reads).
 * The output folder and work folders are skipped wherever they are.
 */
async function imageStats(root: string, outDir: string): Promise<string> {
  const skip = new Set([path.resolve(outDir)]);
  const files: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (files.length >= MAX_ASSETS) return;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !skip.has(p)) await visit(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && Object.hasOwn(IMAGE_TYPES, path.extname(e.name).slice(1).toLowerCase())) {
        files.push(p);
      }
    }
  };
  await visit(path.resolve(root));
  const stats = await Promise.all(files.map((f) => stat(f).then((s) => `${f}\0${s.size}\0${s.mtimeMs}`, () => `${f}\0-`)));
  return sha(stats.join('\n'));
}

async function hashTreeStats(dir: string): Promise<string> {
  const files = await walk(dir);
  const stats = await Promise.all(files.map((f) => stat(f).then((s) => `${f}\0${s.size}\0${s.mtimeMs}`)));
  return sha(stats.join('\n'));
}

async function hashTreeContents(dir: string): Promise<string> {
  const files = await walk(dir);
  const h = createHash('sha256');
  for (const [i, buf] of (await Promise.all(files.map((f) => readFile(f)))).entries()) {
    h.update(path.relative(dir, files[i]!)).update('\0').update(buf).update('\0');
  }
  return h.digest('hex');
}

function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

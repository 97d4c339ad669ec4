import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError } from '../errors.js';
import type { Location } from '../message.js';
import { kindOf } from './read-regular.js';
import { isWithin, realpathExisting } from './real-path.js';
import { workDirFor } from './atomic.js';

/**
 * Where the output folder was named. The user's own `-o` may point anywhere; a config's
 * `build.out` must stay inside the config's folder, and the default `dist` inside the folder
 * bookdeck runs in, links followed: a project cannot aim a build at the user's other files.
 */
export type OutOrigin =
  | { from: 'flag' }
  | { from: 'config'; base: string; location?: Location }
  | { from: 'default'; base: string };

/** The files a build reads, which its output folder must never be. */
export interface BuildInputs {
  manuscript: readonly string[];
  /** The manuscript's folder. */
  root: string;
  config?: string;
  templates?: string;
}

/**
 * The output folder, resolved through its links (the part that exists), once it is known to be
 * a place bookdeck may write: inside its base for a config or the default, a folder (or not there
 * yet), none of the build's inputs nor a folder holding the manuscript, and with a work folder
 * beside it that no link leads elsewhere.
 */
export async function resolveOutFolder(outDir: string, origin: OutOrigin, inputs: BuildInputs): Promise<string> {
  const abs = path.resolve(outDir);
  if (origin.from !== 'flag') await refuseLinksOut(origin.base, abs, origin);
  const real = realpathExisting(abs);
  refuseInputs(outDir, real, inputs, origin);
  const info = await stat(real).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw new BookdeckError('E_OUT_NOT_DIR', `the output folder ${shown(outDir, real)} is ${info.isFile() ? 'a file' : kindOf(info)}, not a folder`, {
      ...(origin.from === 'config' && origin.location ? { location: origin.location } : {}),
      hint: 'name a folder (new or existing) for the book, the PDF and the deck: -o DIR',
    });
  }
  // Temp files, caches and the manifest go to .bookdeck-cache beside the output: it must stay there too.
  const parent = path.dirname(real);
  await refuseLinksOut(parent, workDirFor(real), { from: 'work', base: parent });
  return real;
}

type Base = Exclude<OutOrigin, { from: 'flag' }> | { from: 'work'; base: string };

/** Walk from `base` down to `target`, following each link: refuse the first that leads outside `base`. */
async function refuseLinksOut(base: string, target: string, origin: Base): Promise<void> {
  const realBase = realpathExisting(base);
  const rel = path.relative(path.resolve(base), target);
  if (!isWithin(path.resolve(base), target)) throw outside(target, target, origin);
  let at = realBase;
  let written = path.resolve(base);
  for (const part of rel.split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    written = path.join(written, part);
    const info = await lstat(at).catch(() => undefined);
    if (!info) return;
    if (!info.isSymbolicLink()) continue;
    // A dangling link still says where a write would land.
    const to = await realpath(at).catch(async () => path.resolve(path.dirname(at), await readlink(at)));
    if (!isWithin(realBase, to)) throw outside(written, to, origin);
    at = to;
  }
}

function outside(link: string, to: string, origin: Base): BookdeckError {
  const what =
    origin.from === 'config' ? `build.out leads outside the config's folder ${origin.base}` : origin.from === 'default' ? `the default output folder leads outside the project folder ${origin.base}` : `the work folder leads outside ${origin.base}`;
  const how = link === to ? '' : `: ${link} is a link to ${to}`;
  return new BookdeckError('E_OUT_OUTSIDE', `${what}${how}`, {
    ...(origin.from === 'config' && origin.location ? { location: origin.location } : {}),
    hint:
      origin.from === 'work'
        ? `remove the link ${link}; bookdeck keeps its work files beside the output folder`
        : 'bookdeck writes a project only inside its own folder: remove the link, or choose the folder yourself with -o DIR',
  });
}

/** The output folder must not be the manuscript, the config, the templates, or hold the manuscript's folder. */
function refuseInputs(outDir: string, real: string, inputs: BuildInputs, origin: OutOrigin): void {
  const refuse = (what: string) =>
    new BookdeckError('E_OUT_IS_INPUT', `the output folder ${shown(outDir, real)} is ${what}`, {
      ...(origin.from === 'config' && origin.location ? { location: origin.location } : {}),
      hint: 'give the outputs a folder of their own, e.g. -o dist',
    });
  for (const file of inputs.manuscript) if (realpathExisting(file) === real) throw refuse('the manuscript');
  if (inputs.config && realpathExisting(inputs.config) === real) throw refuse('the config file');
  const root = realpathExisting(inputs.root);
  if (root === real) throw refuse("the manuscript's folder");
  if (isWithin(real, root)) throw refuse(`a folder that holds the manuscript's folder ${root}`);
  if (inputs.templates) {
    const templates = realpathExisting(inputs.templates);
    if (templates === real) throw refuse('the templates folder');
    if (isWithin(real, templates)) throw refuse(`a folder that holds the templates folder ${templates}`);
  }
}

/** A path as the user gave it, with where it resolves when that differs. */
function shown(given: string, real: string): string {
  return path.resolve(given) === real ? given : `${given} (${real})`;
}

/**
 * Refuse (E_OUT_IS_INPUT) to write `target` when it is one of `inputs`, by any name: the same
 * path through links, or the same file (device and inode, so a hard link counts too).
 */
export async function refuseOntoInputs(target: string, inputs: readonly string[], what = 'the output'): Promise<void> {
  const real = realpathExisting(target);
  const id = await stat(real).then((s) => `${s.dev}:${s.ino}`, () => undefined);
  for (const input of inputs) {
    const same = realpathExisting(input) === real || (id !== undefined && id === (await stat(input).then((s) => `${s.dev}:${s.ino}`, () => undefined)));
    if (same) {
      throw new BookdeckError('E_OUT_IS_INPUT', `${what} ${target} is the input ${input}: writing it would replace what is being read`, {
        hint: 'write the draft to a new file, e.g. -o draft.md',
      });
    }
  }
}

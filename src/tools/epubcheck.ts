import { access, constants, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { BookdeckError } from '../errors.js';
import type { Location } from '../message.js';
import { findProgram } from './programs.js';

/** Where Debian's epubcheck package puts the jar (its /usr/bin wrapper cannot be exec'd). */
const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';

/** One EPUBCheck message. */
export interface EpubcheckMessage {
  id: string;
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO';
  message: string;
  locations: Location[];
}

/** EPUBCheck's verdict on one book. */
export interface EpubcheckReport {
  version: string;
  fatals: number;
  errors: number;
  warnings: number;
  messages: EpubcheckMessage[];
}

interface RawReport {
  checker: { checkerVersion: string; nFatal: number; nError: number; nWarning: number };
  messages: { ID: string; severity: EpubcheckMessage['severity']; message: string; locations: { path: string; line: number; column: number }[] }[];
}

/** Run EPUBCheck on a book and read its JSON report. */
export async function epubcheck(epub: string, signal?: AbortSignal): Promise<EpubcheckReport> {
  const java = await findProgram('java');
  const jar = await access(EPUBCHECK_JAR, constants.R_OK).then(
    () => EPUBCHECK_JAR,
    () => {
      throw new BookdeckError('E_MISSING_DEP', 'EPUBCheck is not installed', { kind: 'dependency', hint: 'install it with `sudo apt-get install epubcheck`' });
    },
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'bookdeck-epubcheck-'));
  try {
    const json = path.join(dir, 'report.json');
    // Exit code 1 just means "the book has errors"; the JSON report says which.
    await execa(java, ['-jar', jar, epub, '--json', json], { reject: false, cancelSignal: signal, timeout: 300_000 });
    const raw = JSON.parse(await readFile(json, 'utf8').catch(() => '{}')) as Partial<RawReport>;
    if (!raw.checker) throw new BookdeckError('E_EPUBCHECK', `EPUBCheck produced no report for ${epub}`, { kind: 'internal', hint: 'run `java -jar /usr/share/java/epubcheck.jar` by hand to see why' });
    return {
      version: raw.checker.checkerVersion,
      fatals: raw.checker.nFatal,
      errors: raw.checker.nError,
      warnings: raw.checker.nWarning,
      messages: (raw.messages ?? []).map((m) => ({
        id: m.ID,
        severity: m.severity,
        message: m.message,
        locations: m.locations.map((l) => ({ file: `${path.basename(epub)}/${l.path}`, ...(l.line > 0 ? { line: l.line, column: l.column } : {}) })),
      })),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

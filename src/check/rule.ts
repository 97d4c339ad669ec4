import type { VFileMessage } from 'vfile-message';
import type { Manifest } from '../cache/manifest.js';
import type { BuildRequest } from '../request/request.js';
import type { Book, ParsedFile } from '../model/book.js';
import { createMessage, type Location, type Severity } from '../message.js';

/** What every `check` rule sees: the manuscript read once, and where its built outputs are. */
export interface CheckInput {
  book: Book;
  files: ParsedFile[];
  /** The build a `bookdeck build` with these flags would run: its options, output folder, formats. */
  request: BuildRequest;
  /** The manuscript's files, to tell whether a built output is this manuscript's. */
  sources: readonly string[];
  /** What the output folder holds, from its build manifest. */
  manifest: Manifest;
  /** Long work a rule starts (EPUBCheck, LibreOffice), said on stderr. */
  progress(message: string): void;
}

/** Reports one finding: code, severity, message and place, as every message of bookdeck has. */
export type Report = (code: string, severity: Severity, message: string, place?: Location, source?: string) => void;

/** One `check` rule, as remark-lint has them: a name for what it checks, and a function that reports. */
export interface Rule {
  /** What it checks, in kebab case, as its file is named. */
  name: string;
  check(input: CheckInput, report: Report): void | Promise<void>;
}

/** Run every rule over one input; the findings come back as vfile-messages in the order reported. */
export async function runRules(rules: readonly Rule[], input: CheckInput): Promise<VFileMessage[]> {
  const out: VFileMessage[] = [];
  for (const rule of rules) {
    await rule.check(input, (code, severity, message, place, source) => {
      out.push(createMessage(code, message, { severity, place, ...(source ? { source } : {}) }));
    });
  }
  return out;
}

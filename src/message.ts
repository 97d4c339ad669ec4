import { VFileMessage } from 'vfile-message';

/** Where in a manuscript a problem sits; line and column are 1-based. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
}

/** Reports a warning under a stable code at a place in the manuscript (or in an SVG file). */
export type Warn = (code: string, message: string, location?: Location) => void;

/** A warning kept to be told later: what a {@link Warn} takes. */
export interface PlacedWarning {
  code: string;
  message: string;
  location: Location;
}

/** How bad a message is: errors stop a build and fail `check`; warnings fail it only with --strict. */
export type Severity = 'error' | 'warning' | 'info';

/** What makes a message besides its text: a stable code, and optionally a place and a hint. */
export interface MessageOptions {
  severity: Severity;
  place?: Location | undefined;
  hint?: string | undefined;
  /** Which tool found it (`bookdeck`, `epubcheck`, `impress`). */
  source?: string;
  cause?: unknown;
}

/**
 * One message of any kind (build error, build warning, `check` finding) as the unified
 * collective shapes it: a vfile-message with `ruleId` = our code, `file`/`line`/`column`,
 * `fatal` true for errors, false for warnings, undefined for information, and the hint in `note`.
 */
export function createMessage(code: string, reason: string, opts: MessageOptions): VFileMessage {
  const m = new VFileMessage(reason, {
    ruleId: code,
    source: opts.source ?? 'bookdeck',
    ...(opts.cause instanceof Error ? { cause: opts.cause } : {}),
  });
  return placeMessage(m, opts);
}

/** A warning under `code`, at `place` if it has one. */
export function warningMessage(code: string, reason: string, place?: Location): VFileMessage {
  return createMessage(code, reason, { severity: 'warning', place });
}

/** Fill in a message's place, severity and hint (vfile-message keeps these as plain fields). */
export function placeMessage<M extends VFileMessage>(m: M, opts: MessageOptions): M {
  const { place } = opts;
  m.file = place?.file ?? '';
  m.line = place?.line;
  m.column = place?.line === undefined ? undefined : place.column;
  if (place?.line !== undefined) m.place = { line: place.line, column: place.column ?? 1 };
  m.fatal = opts.severity === 'error' ? true : opts.severity === 'warning' ? false : undefined;
  if (opts.hint) m.note = opts.hint;
  return m;
}

/** A message's severity, read from `fatal` as vfile does. */
export function severityOf(m: VFileMessage): Severity {
  return m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info';
}

/** A message's place, if it has one. */
export function locationOf(m: VFileMessage): Location | undefined {
  if (!m.file) return undefined;
  return { file: m.file, ...(m.line === undefined ? {} : { line: m.line }), ...(m.column === undefined ? {} : { column: m.column }) };
}

/** `file:line:column` for messages, dropping the parts that are unknown. */
export function formatLocation(loc: Location): string {
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  return s;
}

/**
 * The one text form of every message: `file:line:column: severity CODE: message`, as
 * compilers and linters print it so editors can jump there; `bookdeck:` stands in for a
 * missing place. The hint follows on its own line.
 */
export function formatMessage(m: VFileMessage, label: string = severityOf(m)): string {
  const place = locationOf(m);
  const head = `${place ? formatLocation(place) : 'bookdeck'}: ${label} ${m.ruleId ?? 'E_UNKNOWN'}: ${m.reason}`;
  return m.note ? `${head}\n  hint: ${m.note}` : head;
}

/** The one JSON form of a message, for editors and CI (`check --format json`). */
export interface MessageJson {
  file: string | null;
  line: number | null;
  column: number | null;
  severity: Severity;
  code: string;
  message: string;
  source: string;
  hint?: string;
}

/** A message as {@link MessageJson}. Pure. */
export function messageJson(m: VFileMessage): MessageJson {
  return {
    file: m.file || null,
    line: m.line ?? null,
    column: m.column ?? null,
    severity: severityOf(m),
    code: m.ruleId ?? 'E_UNKNOWN',
    message: m.reason,
    source: m.source ?? 'bookdeck',
    ...(m.note ? { hint: m.note } : {}),
  };
}

/** Messages in file, line and column order (a stable sort: equal places keep their order). */
export function sortMessages<M extends VFileMessage>(ms: readonly M[]): M[] {
  return [...ms].sort((a, b) => {
    const [fa, fb] = [a.file ?? '', b.file ?? ''];
    return fa < fb ? -1 : fa > fb ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  });
}

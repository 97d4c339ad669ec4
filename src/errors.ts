/** Exit codes of the `bookdeck` command, documented in the README. */
export const EXIT = { ok: 0, input: 1, usage: 2, dependency: 3, internal: 70 } as const;

/** What kind of failure an error is; decides the exit code. */
export type ErrorKind = keyof typeof EXIT;

/** Where in a manuscript a problem sits; line and column are 1-based. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
}

/** Every failure a user can cause or fix: a stable code, a one-line message, a hint. */
export class BookdeckError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly hint?: string;
  readonly location?: Location;

  constructor(
    code: string,
    message: string,
    opts: { kind?: ErrorKind; hint?: string; location?: Location; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'BookdeckError';
    this.code = code;
    this.kind = opts.kind ?? 'input';
    this.hint = opts.hint;
    this.location = opts.location;
  }

  get exitCode(): number {
    return EXIT[this.kind];
  }
}

/** `file:line:column` for messages, dropping the parts that are unknown. */
export function formatLocation(loc: Location): string {
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  return s;
}

/**
 * What a user sees for any failure: {@link formatError} for a BookdeckError, else one
 * `bookdeck: internal error` line that says it is bookdeck's bug, not the manuscript's.
 */
export function describeError(err: unknown): string {
  if (err instanceof BookdeckError) return formatError(err);
  return `bookdeck: internal error (a bug in bookdeck, not in your manuscript): ${err instanceof Error ? err.message : String(err)}`;
}

/** True for failures only a bookdeck bug can cause: they exit 70 and get a debug log. */
export function isInternal(err: unknown): boolean {
  return !(err instanceof BookdeckError) || err.kind === 'internal';
}

let lastPlace: Location | undefined;

/**
 * Remember the manuscript place being rendered, so that an internal error can say where
 * it happened. Walks call this as they go; it costs one assignment.
 */
export function notePlace(place: Location): void {
  lastPlace = place;
}

/** The last place {@link notePlace} recorded, if any. */
export function placeOfFailure(): Location | undefined {
  return lastPlace;
}

/** The one line a user sees for an error (plus a hint line when there is one). */
export function formatError(err: BookdeckError): string {
  const where = err.location ? `${formatLocation(err.location)}: ` : '';
  const kind = err.kind === 'internal' ? `internal error ${err.code} (a bug in bookdeck, not in your manuscript)` : `error ${err.code}`;
  const head = `bookdeck: ${kind}: ${where}${err.message}`;
  return err.hint ? `${head}\n  hint: ${err.hint}` : head;
}

import { VFileMessage } from 'vfile-message';
import { formatMessage, locationOf, placeMessage, type Location } from './message.js';

/** Exit codes of the `bookdeck` command, documented in the README. */
export const EXIT = { ok: 0, input: 1, usage: 2, dependency: 3, internal: 70 } as const;

/** What kind of failure an error is; decides the exit code. */
export type ErrorKind = keyof typeof EXIT;

/**
 * Every failure a user can cause or fix: a stable code, a one-line message, a hint. It is
 * a fatal vfile-message (code = `ruleId`, hint = `note`), so an error prints and
 * serializes as every warning and `check` finding does.
 */
export class BookdeckError extends VFileMessage {
  readonly kind: ErrorKind;

  constructor(
    code: string,
    message: string,
    opts: { kind?: ErrorKind; hint?: string; location?: Location; cause?: unknown } = {},
  ) {
    super(message, { ruleId: code, source: 'bookdeck' });
    // vfile-message keeps `cause` only when it is an Error; ours may be anything a library threw.
    if (opts.cause !== undefined) this.cause = opts.cause as Error;
    placeMessage(this, { severity: 'error', place: opts.location, hint: opts.hint });
    this.name = 'BookdeckError';
    // vfile-message blanks the stack (it points into the manuscript instead); the debug log wants ours.
    Error.captureStackTrace(this, BookdeckError);
    this.kind = opts.kind ?? 'input';
  }

  /** The stable code, e.g. `E_ENCODING` (vfile's `ruleId`). */
  get code(): string {
    return this.ruleId ?? 'E_UNKNOWN';
  }

  /** How to fix it (vfile's `note`). */
  get hint(): string | undefined {
    return this.note;
  }

  /** Where it happened, if in the manuscript. */
  get location(): Location | undefined {
    return locationOf(this);
  }

  get exitCode(): number {
    return EXIT[this.kind];
  }
}

/**
 * What a user sees for any failure: {@link formatError} for a BookdeckError, else one
 * `bookdeck: internal error E_BUG` line that says it is bookdeck's bug, not the manuscript's.
 */
export function describeError(err: unknown): string {
  if (err instanceof BookdeckError) return formatError(err);
  return `bookdeck: internal error E_BUG: ${err instanceof Error ? err.message : String(err)} (a bug in bookdeck, not in your manuscript)`;
}

/** True for failures only a bookdeck bug can cause: they exit 70 and get a debug log. */
export function isInternal(err: unknown): boolean {
  return !(err instanceof BookdeckError) || err.kind === 'internal';
}

/** System error codes that mean the machine refused (full, read-only, not allowed), each in words: the user's to fix, not a bug. */
const MACHINE_TROUBLE: Readonly<Record<string, { reason: string; hint: string }>> = {
  ENOSPC: { reason: 'no space left on device', hint: 'free some space on that disk, or choose another folder with -o' },
  EDQUOT: { reason: 'disk quota exceeded', hint: 'free some space under your quota, or choose another folder with -o' },
  EFBIG: { reason: 'file too large for that file system', hint: 'choose a folder on another disk with -o' },
  EROFS: { reason: 'read-only file system', hint: 'choose a folder on a writable disk with -o' },
  EACCES: { reason: 'permission denied', hint: "check the folder's owner and permissions, or choose another folder with -o" },
  EPERM: { reason: 'operation not permitted', hint: "check the folder's owner, permissions and attributes, or choose another folder with -o" },
  EIO: { reason: 'input/output error', hint: 'the disk reported an error: check it, or choose another folder with -o' },
};

/**
 * A Node system error that is machine trouble (ENOSPC, EDQUOT, EFBIG, EROFS, EACCES, EPERM, EIO) as a
 * one-line BookdeckError that exits 1: E_OUT_WRITE `cannot write FOLDER: REASON (CODE)` when the caller
 * knows the folder being written, else E_SYSTEM naming the path the system named. Undefined for anything else (those stay bugs).
 */
export function systemError(err: unknown, folder?: { path: string; what?: string }): BookdeckError | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  const trouble = e && typeof e.code === 'string' && !(err instanceof BookdeckError) ? MACHINE_TROUBLE[e.code] : undefined;
  if (!trouble) return undefined;
  const where = folder ? `${folder.what ?? 'the folder'} ${folder.path}` : e!.path ? `${e!.path}` : 'a file';
  const verb = folder || !e!.syscall ? 'cannot write' : `cannot ${e!.syscall}`;
  return new BookdeckError(folder ? 'E_OUT_WRITE' : 'E_SYSTEM', `${verb} ${where}: ${trouble.reason} (${e!.code})`, { hint: trouble.hint, cause: err });
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

/** The line a user sees for an error (plus a hint line when there is one): the one message form. */
export function formatError(err: BookdeckError): string {
  return formatMessage(err, err.kind === 'internal' ? 'internal error' : 'error');
}

import type { Book } from '../model/book.js';
import type { Location } from '../message.js';
import type { Artifact } from '../formats.js';
import type { BuildRequest } from '../request/request.js';

/** What an emitter gets besides the book: the request (options, dates, output folder), I/O locations, cancellation, logging. */
export interface EmitContext {
  /** The build, resolved once; its outDir is the staging folder the emitter writes into. */
  request: BuildRequest;
  /** Work folder for temp files and caches of this output folder. */
  workDir: string;
  /** Absolute path of a template by name (e.g. `pdf/book.latex`), overrides first. */
  template(name: string): Promise<string>;
  signal: AbortSignal;
  /** Progress text for the pipeline's status line. */
  progress(message: string): void;
  /** Something the build reports that is not a problem (e.g. the faces it chose). */
  notice?(message: string): void;
  /** A problem that does not stop the build, under a stable code (`W_…`, `M_…`). */
  warn(code: string, message: string, location?: Location): void;
}

/** One emitter per format, all with this signature. */
export type Emitter = (book: Book, ctx: EmitContext) => Promise<Artifact>;

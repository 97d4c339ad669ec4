import type { Emitter, Format } from './types.js';
import { emitEpub } from './epub/index.js';
import { emitPdf } from './pdf/index.js';
import { emitDeck } from './deck/index.js';

/** Format name → emitter; the build looks formats up here instead of switching. */
export const EMITTERS: Record<Format, Emitter> = {
  epub: emitEpub,
  pdf: emitPdf,
  deck: emitDeck,
};

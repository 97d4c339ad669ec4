import type { Format } from '../formats.js';
import type { Emitter } from './types.js';

/**
 * Format name → emitter loader; the build looks formats up here instead of switching.
 * Loaded lazily so a cached rebuild never pays for the EPUB, pandoc or Chromium code.
 */
export const EMITTERS: Record<Format, () => Promise<Emitter>> = {
  epub: async () => (await import('./epub/index.js')).emitEpub,
  pdf: async () => (await import('./pdf/index.js')).emitPdf,
  deck: async () => (await import('./deck/index.js')).emitDeck,
  'deck-pdf': async () => (await import('./deck/index.js')).emitDeckPdf,
  pptx: async () => (await import('./deck/pptx.js')).emitPptx,
  wechat: async () => (await import('./wechat/index.js')).emitWechat,
  docx: async () => (await import('./docx/index.js')).emitDocx,
};

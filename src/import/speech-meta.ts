import type { RootContent } from 'mdast';
import { bylineMeta, findByline } from '../model/byline.js';
import type { SpeechMeta } from '../model/book.js';
import { plainText } from '../model/text.js';
import { attributionSource } from '../text/attribution.js';

/**
 * What an imported speech's text says about it, by the rules `build` reads it with: the
 * speaker, date and occasion of its byline (model/byline.ts), and the source its closing
 * `（摘自……）` line names. The lines stay in the text; this is only their reading. Pure.
 */
export function importedSpeechMeta(body: readonly RootContent[]): SpeechMeta {
  const meta = bylineMeta(findByline(body, (node) => ({ text: plainText(node) })));
  const last = body.at(-1);
  const closing = last?.type === 'paragraph' ? plainText(last) : undefined;
  const source = closing ? attributionSource(closing) : undefined;
  return { ...meta, ...(source ? { source } : {}) };
}

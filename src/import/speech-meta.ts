import type { RootContent } from 'mdast';
import { bylineMeta, findByline } from '../model/byline.js';
import type { SpeechMeta } from '../model/book.js';
import { ATTRIBUTION, plainText } from '../model/text.js';

/** The source named by a closing `（摘自《人民日报》2018年7月27日）`: its words after 摘自/选自/来源/原载/据. */
const SOURCE = /^\s*[（(]\s*(?:摘自|选自|来源|原载|据)[：:\s]*([\s\S]*?)\s*[）)]\s*$/u;

/**
 * What an imported speech's text says about it, by the rules `build` reads it with: the
 * speaker, date and occasion of its byline (model/byline.ts), and the source its closing
 * `（摘自……）` line names. The lines stay in the text; this is only their reading. Pure.
 */
export function importedSpeechMeta(body: readonly RootContent[]): SpeechMeta {
  const meta = bylineMeta(findByline(body, (node) => ({ text: plainText(node) })));
  const last = body.at(-1);
  const closing = last?.type === 'paragraph' ? plainText(last) : undefined;
  const source = closing && ATTRIBUTION.test(closing) ? SOURCE.exec(closing)?.[1] : undefined;
  return { ...meta, ...(source ? { source } : {}) };
}

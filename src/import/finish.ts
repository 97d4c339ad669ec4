import type { VFileMessage } from 'vfile-message';
import { cleanBlocks, cleanString } from './controls.js';
import type { Draft } from './draft.js';
import { PARAGRAPH_CHARS, splitLongParagraphs } from './split-paragraphs.js';

/**
 * What every draft goes through before it is written, so that `build` takes it: the
 * control characters build refuses are dropped (each named), and paragraphs longer than
 * build takes are split at sentence ends (told as a notice).
 */
export function finishDraft(d: Draft): Draft {
  const warnings: VFileMessage[] = [...(d.warnings ?? [])];
  const notices = [...d.notices];
  const place = { file: d.file };
  const title = d.title === undefined ? undefined : cleanString(d.title, place, 'the document title', warnings);
  let split = 0;
  let longest = 0;
  const speeches = d.speeches.map((s) => {
    const t = s.title === undefined ? undefined : cleanString(s.title, place, 'a speech title', warnings);
    for (const w of cleanBlocks(s.body, d.file)) warnings.push(w);
    const r = splitLongParagraphs(s.body);
    split += r.split;
    longest = Math.max(longest, r.longest);
    return t === undefined ? { body: s.body } : { title: t, body: s.body };
  });
  if (split) {
    notices.push(
      `split ${split} paragraph${split === 1 ? '' : 's'} longer than ${PARAGRAPH_CHARS.toLocaleString('en')} characters at sentence ends (the longest had ${longest.toLocaleString('en')}; build takes a paragraph of up to 50,000)`,
    );
  }
  return { ...d, ...(title === undefined ? {} : { title }), speeches, warnings, notices };
}

import type { Chapter } from '../../model/book.js';
import { speechByline } from '../../model/byline.js';
import { FULL_STOPS } from '../../text/punctuation.js';

/** The WeChat editor's documented limits for one draft. */
export const WECHAT_LIMITS = {
  /** Title, in characters. */
  title: 32,
  /** Digest (摘要), in characters; without one WeChat takes the body's first 54. */
  digest: 128,
  /** Article text, in characters (must be under this). */
  chars: 20_000,
  /** Article HTML, in bytes (must be under this). */
  bytes: 1_000_000,
} as const;

/** Characters as WeChat counts them: code points. */
export const chars = (s: string): number => [...s].length;

/** Where a digest may be cut short: after a sentence or a clause. */
const CLAUSE_CUT = new RegExp(`[${FULL_STOPS}，；：]`, 'u');
/** Sentence ends a digest may be cut after. */
const CUT = new RegExp(`[${FULL_STOPS}；]`, 'u');

/**
 * The digest: the speech's first proposals, their lead sentences as written and joined, as
 * many whole leads as fit in 128 characters; with no proposal, the opening sentence of the
 * first body paragraph after the byline. A first lead or sentence longer than 128 is cut at
 * its last clause mark (，；：) that fits, else at 128. Verbatim: nothing is added. Pure.
 */
export function digestOf(chapter: Chapter): string {
  const leads = chapter.proposals.map((p) => p.lead.trim()).filter(Boolean);
  if (leads.length) {
    let out = '';
    for (const lead of leads) {
      if (chars(out + lead) > WECHAT_LIMITS.digest) break;
      out += lead;
    }
    return out || fit(leads[0]!);
  }
  const byline = new Set(speechByline(chapter).map((b) => b.para.id));
  const first = chapter.paragraphs.find((p) => p.role === 'body' && !byline.has(p.id) && p.text.trim());
  if (!first) return '';
  const text = first.text.trim();
  const end = [...text].findIndex((c) => CUT.test(c));
  return fit(end < 0 ? text : [...text].slice(0, end + 1).join(''));
}

/** A text cut to the digest limit at a clause mark, else at the limit. */
function fit(text: string): string {
  const cps = [...text];
  if (cps.length <= WECHAT_LIMITS.digest) return text;
  const head = cps.slice(0, WECHAT_LIMITS.digest);
  for (let i = head.length - 1; i > WECHAT_LIMITS.digest / 2; i--) if (CLAUSE_CUT.test(head[i]!)) return head.slice(0, i + 1).join('');
  return head.join('');
}

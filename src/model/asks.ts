import { LEADING_ENUMERATOR } from '../text/enumerators.js';
import { FULL_STOPS, PAUSES, STOPS } from '../text/punctuation.js';
/**
 * Whether a sentence is an ask: it calls for, commits to or proposes action (要/应当/必须/
 * 建议/将/推动/加快/建立/开展/希望/倡议…), as opposed to a statement of fact (规模持续壮大,
 * 建成了……平台), a consequence (便即刻要撞碎了), a greeting or a byline.
 */

// A modal or a proposing word after a short subject (我们要, 各方应当, 我以为, 市财政将…).
const MODAL = '要|应当|应该|应(?![用对急届收聘征激变邀])|必须|需要|须|务必|一定要|将|建议|希望|倡议|呼吁|号召|力争|争取|提倡|主张';
// Opinion words propose only in the speaker's own mouth (我以为, 我们认为), not 有人认为.
const OPINION = '我以为|我认为|我主张|我建议|我们认为|我们主张|我们建议|我提议|我们提议';
// 也要/都要/就要/便要 describe (群众小病也要往县城跑, 便即刻要撞碎了); 不要/不应 forbid, which is an ask too.
const SUBJECT = `[^${FULL_STOPS}${PAUSES}“”（）]{0,8}?`;
const MODAL_ASK = new RegExp(`^(?:${OPINION})|^${SUBJECT}(?<![也都就便才很最还又])(?:${MODAL})(?!求|是|点|素|闻|害|紧|么|不然)`, 'u');
// Verbs an ask opens with (加快建设, 推动合作, 倡议……), after an optional adverb (全面, 切实, 大力…).
const ACTION_VERBS =
  '推动|推进|建立|建设|健全|完善|构建|打造|加强|强化|深化|优化|提升|提高|促进|探索|鼓励|支持|发挥|形成|实现|扩大|激发|增强|弘扬|加快|加大|整合|拓展|破除|创新|打通|聚焦|组织|提供|搭建|坚持|落实|引导|吸引|培育|消除|增进|坚定|汇聚|调动|营造|保障|深入|挖掘|助力|开发|改造|设立|融合|对接|开展|实施|制定|推行|做好|抓好|办好|做实|守护|改革|缓解|减轻|倡议|严格|筑牢|守住|把握|树立|压实|统筹|补齐|织密|夯实|厚植|深耕|用好|管好|带头|率先|共建|共享|共同|携手|让|使';
const ADVERB = '(?:全面|切实|大力|着力|持续|不断|坚决|进一步|积极|努力|认真|尽快|加紧|更加|深入)?';
const VERB_LED = new RegExp(`^${ADVERB}(?:${ACTION_VERBS})`, 'u');
// A report of a trend (规模持续壮大, 能力明显增强, 场景不断丰富): a fact, though it may open with a verb-like noun (创新能力).
const TREND = /^[^，；]{2,}?(?:明显|不断|日益|持续|稳步|显著|逐步|大幅|快速|有效|进一步|全面)(?:增强|提升|提高|丰富|完善|壮大|扩大|改善|优化|加快|增长|增加|下降|降低|减少|发展|推进|加强|深化|凸显|显现)$/u;
// Done or under way: 建成了, 已经, 已有, 曾. 为了/除了/了解 are not the perfective 了.
const DONE = /已经|已(?!有的)|曾经|(?<![为除罢])了(?![解然不得])/u;
// Openers of a condition or a consequence, not an ask: 倘若……, 如果……, 所以……
const NOT_ASK_OPENER = /^(?:倘若|倘|如果|假如|要是|只要|虽然|因为|所以|因此|但是|可是|然而|于是|便|就)/u;
// Who wrote or photographed it: a byline in bold is no proposal.
const BYLINE = /记者|通讯员|特约|编辑|责编|摄影|摄$|供图|来源[:：]|作者[:：]|^文[/／]/u;

/** The enumerator a sentence may open with (一是, 第一，, （一）, 首先，…), stripped before reading it. */
const ENUMERATOR = LEADING_ENUMERATOR;

/** The clauses of a sentence, split at `，；：` (not inside quotes: a short sentence rarely needs it). */
function clauses(sentence: string): string[] {
  return sentence
    .replace(ENUMERATOR, '')
    .split(new RegExp(`[${STOPS}，,；;：:]`, 'u'))
    .map((c) => c.trim())
    .filter(Boolean);
}

/** True when a clause on its own asks for action (the modal or opinion rule, or an opening action verb). */
function clauseAsks(clause: string, first: boolean): boolean {
  if (NOT_ASK_OPENER.test(clause)) return false;
  if (MODAL_ASK.test(clause)) return !/[了吗呢吧]$/u.test(clause);
  // An action verb proposes only as the sentence's own opening (加快建设。), not halfway (……，推动了……).
  return first && VERB_LED.test(clause);
}

/**
 * True when a lead sentence is an ask: after its enumerator, one of its clauses opens with a
 * modal or proposing word after a short subject (要, 应当, 必须, 将, 希望, 倡议, 我以为…), or its
 * first clause opens with an action verb (加快, 推动, 建立, 开展…). A sentence that reports
 * what is done (建成了, 已经) or opens with a condition (倘若, 如果) is not.
 */
export function isAsk(sentence: string): boolean {
  const cs = clauses(sentence);
  if (cs.length === 0 || DONE.test(sentence.replace(ENUMERATOR, '')) || TREND.test(cs[0]!)) return false;
  return cs.some((c, i) => clauseAsks(c, i === 0));
}

/** True when a bold lead is a byline or reports what is done, so it is no proposal. */
export function isBylineOrFact(lead: string): boolean {
  const t = lead.replace(ENUMERATOR, '').trim();
  return BYLINE.test(t) || (DONE.test(t) && !isAsk(t));
}

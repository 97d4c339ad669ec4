import { LEADING_ENUMERATOR } from '../text/enumerators.js';
import { CLOSERS, OPENERS, STOPS } from '../text/punctuation.js';
/** Longest key point, in characters (code points). */
export const MAX_POINT = 40;
/** Clauses shorter than this are joined to a neighbour before they can be a key point. */
const MIN_CLAUSE = 6;

/** A clause of a paragraph: `text.slice(start, end)`, without its closing punctuation. */
export interface Clause {
  start: number;
  end: number;
  text: string;
  /** Index of the `；`/`。`-delimited part it belongs to; clauses never join across parts. */
  part: number;
}

const CLAUSE_END = new Set([...STOPS, '，', '；', '：', ',', ';']);
const PART_END = new Set([...STOPS, '；', ';']);
const OPEN = new Set([...OPENERS, '[']);
const CLOSE = new Set([...CLOSERS, ']']);

/**
 * Split text into clauses at `，；。！？：` outside quotes and brackets, so a clause never
 * cuts a quotation such as “鼓励冒险、包容失败” in half.
 */
export function splitClauses(text: string, offset = 0): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let start = 0;
  let part = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ start: offset + start + lead, end: offset + start + lead + body.length, text: body, part });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_END.has(c)) {
      push(i);
      start = i + 1;
      if (PART_END.has(c)) part++;
    }
  }
  push(text.length);
  return out;
}

/** A clause that introduces the next one: a source or a measurement (我们测算, 据统计, 数据显示). */
const LEAD_IN = /(?:测算|统计|显示|表明|预计|估计|了解|看来|来说|而言|为例)$/u;
/** A clause that opens on a connective (就……, 而……, 并且……): the second half of a thought, not a whole one. */
const CONNECTIVE = /^(?:就|而|并且|而且|则|从而|进而|便|才|且)/u;
/** A clause that stops mid-thought: a lead-in (我们测算) or a frame with nothing framed (在保障安全的前提下). */
const DANGLING = /(?:测算|统计|显示|表明|预计|估计|据了解|来说|而言|为例|的前提下|的基础上|的情况下|的时候|之后|以后|期间)$|^在[^，]*[下中时]$/u;
/**
 * A clause that ends on 的 with nothing after it: a modifier whose noun is elsewhere (不务于招兵练将的,
 * the second half of 是专事于吹擂，不务于招兵练将的) or a 是……的 judgement. It names no action to take.
 */
const NOMINAL = /的$/u;
/** How an illustration opens (譬如现在似的冬天，……然而必须救助……): the sentence it opens is an example, not the ask. */
const ILLUSTRATION = /^(?:譬如|比如|例如|好比|好像|仿佛|又如|假如|倘若)/u;
/** How a norm opens (每栋楼推选一名楼长, 不少于200人): with a figure, a target the ask sets; not 累计/共计, which count what was done. */
const NORM = /^(?:每|不少于|不低于|不超过|最高|最多|至少)/u;
/** A clause in which the speaker proposes (建议各地把……, 我们倡议……, 呼吁……): an ask whatever follows. */
const PROPOSE = /^(?:我们|我)?(?:建议|倡议|呼吁)/u;
/** A concrete figure or target: a number with its unit (10类, 20万元, 5000人, 10个工作日, 8%). */
const FIGURE = /[0-9０-９]+(?:[.．][0-9]+)?\s*(?:%|％|个?百分点|类|家|人|名|万|亿|元|个|项|次|座|所|公里|千米|天|小时|倍|条|批|户|台|套|场|处|学时|课时)|[一二三四五六七八九十百千两]+(?:类|家|名|万|亿|个|项|次|座|所|公里|批|户|倍)/u;
/** How a measure opens (每家, 最高, 不少于, 累计…), and its longest length. */
const MEASURE = /^(?:每|最高|最多|最低|不少于|不低于|不超过|不高于|累计|共计|总计|合计|约|总额|总投资)/u;
const FIGURE_CLAUSE = 14;
/** What a whole-clause fault costs: the clause is then a key point only when nothing else is left. */
const FRAGMENT_COST = 4;
/** What a figure of an ask earns: the clause says how much, how many or by when. */
const FIGURE_GAIN = 2;

/** Join clauses shorter than MIN_CLAUSE to the next (or previous) one in the same part. */
export function joinShortClauses(text: string, clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  const span = (a: Clause, b: Clause): Clause => ({ start: a.start, end: b.end, text: text.slice(a.start, b.end), part: a.part });
  for (const c of clauses) {
    const prev = out.at(-1);
    // A short lead-in (我们测算, 据统计, 以……为例) belongs to what follows it, never to the clause before.
    const leadsIn = LEAD_IN.test(c.text) && len(c.text) < MIN_CLAUSE;
    if (prev && prev.part === c.part && !leadsIn && (len(prev.text) < MIN_CLAUSE || len(c.text) < MIN_CLAUSE)) {
      const joined = span(prev, c);
      if (len(joined.text) <= MAX_POINT) {
        out[out.length - 1] = joined;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

// Modal words and action verbs that mark what a speaker proposes (要…, 推动…, 建立…).
const MODAL = /^(?:我们|各方|三地)?(?:也|还|更|同时|尤其|进一步|必须|需要|应当|应该|应|要(?!求)|将|须|需|希望|倡议|力争|重点|着力|大力|率先|切实|积极|尽快|共同)+/u;
const HAS_MODAL = /要|应|须|需|必须|将|希望|倡议|力争/u;
const VERBS =
  '确保|保证|给予|压缩|配备|增设|组建|加装|更换|严禁|推动|推进|建立|建设|健全|完善|构建|打造|加强|强化|深化|优化|提升|提高|促进|探索|鼓励|支持|发挥|形成|实现|扩大|激发|增强|弘扬|加快|整合|拓展|破除|创新|打通|聚焦|组织|提供|服务|搭建|坚持|落实|引导|吸引|培育|消除|增进|坚定|汇聚|调动|营造|保障|深入|挖掘|发掘|助力|开发|改造|设立|融合|对接|开放|开展|实施|依托|制定|推行|遴选|安排|培训|帮助|守护|弥合|建成(?!了)|让|使';
const LEADS_WITH_VERB = new RegExp(`^(?:${VERBS})`, 'u');
const HAS_VERB = new RegExp(VERBS, 'u');
// Openers of background or reasoning rather than action.
const BACKGROUND = /^(?:这|其|作为|截至|目前|近年来|\d|是|但|而|因此|所以)/u;
// An action after a short subject (社区要…, 市财政将…, 街道计划…), or an action led by a
// preposition (对……给予补贴, 为……配备, 把……纳入): what the speaker asks for. Not 说要 (reported:
// 在家里说要参政权), 主要/重要 (负责同志是……) or 只要 (a condition).
const SUBJECT_ACTION = /^(?:[^，。；、“”]{1,7}?|[^，。；“”]{1,12}?等?(?:部门|单位|机构|方面))(?<![也都还说主重只既又])(?:要|将|计划|拟|建议|应当|必须)(?!求|是|点|素|闻|害|紧)/u;
const PREPOSITION_ACTION = new RegExp(`^(?:对|为|向|把|让|给|在)[^，。；]{1,20}?(?:${VERBS}|给予|配备|配齐|安装|开展|开设|开通|纳入|设立|新建|提供|组织|实行|推行)`, 'u');
// A deadline an ask may open with (今年年底前向社会开放……, 到2028年……): the action follows it.
const TIME_LEAD = /^(?:今年年底前|今年年内|到(?:今年|明年)年?底前?|今年|明年|年内|年底前|近期|[一二三四五两]年内|到20\d\d年底?前?|20\d\d年底?前)/u;
// A problem or a condition the speaker describes (不能只靠热情, 视力不好, 不会使用): background.
const PROBLEM =
  /不能只靠|不能只让|不好|不会|不够|不足|不强|不高|不到|存在|仍有|仍然|依然|还没有|没有|缺少|缺乏|难以|困难|吃力|偏低|老化|陈旧|闲置|滞后|薄弱|时有发生|突出|反映|放心不下|留不住|买不起|最怕|错过|上升|挤占|凑合/u;
// A clause followed by one of these is the topic of its sentence (加快……发展，需要……), not an action.
const PREDICATE = /^(?:需要|是|关键|必须|有赖于|离不开)/u;
/** A clause that opens on a bare modal continues the sentence the clause before it is the topic of. */
const TOPIC_NEXT = /^(?:要(?!求)|应当|应该|必须|须)/u;
/** What an 对…… clause does to its object when it is an ask itself (对……给予补贴), not only the object of the next clause. */
const DISPOSAL = /给予|予以|实行|实施|开展|提供|纳入|进行|安排|配备|建立/u;

/** What a clause before the body's first ask loses, and one that states a problem or condition. */
const BEFORE_ASK = 2;
const PROBLEM_COST = 3;
const CONDITION = /不能只|不仅|不只/u;
const CONDITION_TAIL = /^(?:还|而且|更|也)/u;

let segmenter: Intl.Segmenter | undefined;

/** Words of a text by Intl.Segmenter('zh'), two or more characters, deduplicated. */
export function words(text: string): Set<string> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out = new Set<string>();
  for (const s of segmenter.segment(text)) if (s.isWordLike && len(s.segment) >= 2) out.add(s.segment);
  return out;
}

/**
 * True when a clause asks for something: it opens with a modal or an action verb (要……,
 * 推动……), has one right after a short subject (社区要……, 我们将……, 街道计划……; not
 * 也要/都要, which describe), or is an action led by a preposition (对……给予……).
 */
export function isAction(text: string): boolean {
  if (NOMINAL.test(text)) return false;
  if (PROPOSE.test(text)) return true;
  // 对汛前检查发现的问题，要建立台账: a short modal clause joined to the topic it acts on.
  const tail = /[，,]([^，,]+)$/u.exec(text)?.[1];
  if (tail && len(tail) < MIN_CLAUSE && TOPIC_NEXT.test(tail)) return true;
  const clause = text.replace(TIME_LEAD, '');
  const modal = MODAL.exec(clause)?.[0] ?? '';
  const rest = clause.slice(modal.length);
  // 需要 with no action after it (还需要专业和坚持) is a condition, not an ask.
  if (modal && HAS_MODAL.test(modal)) return /要|应|将|须|力争/u.test(modal.replace(/需要?/gu, '')) || HAS_VERB.test(rest) || PREPOSITION_ACTION.test(rest);
  return LEADS_WITH_VERB.test(rest) || SUBJECT_ACTION.test(clause) || PREPOSITION_ACTION.test(clause);
}

/** True when a clause is no whole thought: it opens on a connective (就可以……), stops mid-thought (我们测算, 在……的前提下) or ends on 的 (不务于招兵练将的). */
export function isFragment(clause: string): boolean {
  return CONNECTIVE.test(clause) || DANGLING.test(clause) || NOMINAL.test(clause);
}

/** True when a clause states a problem or a condition (不能只靠, 视力不好, 不会, 存在, 仍有…) rather than an action. */
export function isProblem(clause: string): boolean {
  return PROBLEM.test(clause) && !isAction(clause);
}

/**
 * The documented score of one clause; higher is a better key point. Pure and deterministic.
 * `clauseWords` is `words(clause)` when the caller has it already.
 */
export function scoreClause(clause: string, index: number, titleWords: Set<string>, next?: string, clauseWords?: Set<string>): number {
  let score = 0;
  if (next !== undefined && PREDICATE.test(next)) score -= 2;
  const modal = MODAL.exec(clause)?.[0] ?? '';
  const rest = clause.slice(modal.length);
  const opensWithModal = modal !== '' && HAS_MODAL.test(modal);
  const leadsWithVerb = LEADS_WITH_VERB.test(rest);
  if (opensWithModal) score += 2;
  if (leadsWithVerb) score += 2;
  else if (HAS_VERB.test(clause)) score += 0.5;
  if (BACKGROUND.test(clause)) score -= 1;
  // An ask that the two rules above miss: after a subject (社区要……), or led by a preposition (对……给予……).
  const bare = clause.replace(TIME_LEAD, '');
  if (!opensWithModal && !leadsWithVerb && (SUBJECT_ACTION.test(bare) || PREPOSITION_ACTION.test(bare))) score += 2;
  if (isProblem(clause)) score -= PROBLEM_COST;
  if (isFragment(clause)) score -= FRAGMENT_COST;
  const n = len(clause);
  if (n < MIN_CLAUSE) score -= 2;
  else if (n >= 8 && n <= 32) score += 0.5;
  if (titleWords.size > 0) {
    const w = clauseWords ?? words(clause);
    let shared = 0;
    for (const t of titleWords) if (w.has(t)) shared++;
    score += (1.5 * shared) / titleWords.size;
  }
  return score - 0.02 * index;
}

/** A candidate key point: a clause of the body, its reading-order index, score and words. */
interface Ranked {
  c: Clause;
  i: number;
  score: number;
  w: Set<string>;
}

/** The clauses of a proposal that may be key points, in reading order (what the labelled set labels). */
export function keyPointCandidates(text: string, lead: string): string[] {
  return candidateClauses(text, lead).candidates.map((c) => c.text);
}

/** The body's clauses (the whole paragraph's when the body has fewer than two short enough). */
function candidateClauses(text: string, lead: string): { clauses: Clause[]; candidates: Clause[]; bodyStart: number } {
  const bodyStart = leadEnd(text, lead);
  let clauses = joinShortClauses(text, splitClauses(text.slice(bodyStart), bodyStart));
  // A paragraph that is little more than its lead: its own lead clauses are all it has.
  if (clauses.filter((c) => len(c.text) <= MAX_POINT).length < 2) clauses = joinShortClauses(text, splitClauses(text));
  clauses = joinFigures(text, clauses);
  return { clauses, candidates: clauses.filter((c) => len(c.text) <= MAX_POINT), bodyStart };
}

/**
 * A short figure clause (每家最高20万元, 每年培训5000人) is the measure of the action before
 * it: the two make one point (对……给予补贴，每家最高20万元), when it fits.
 */
export function joinFigures(text: string, clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (const c of clauses) {
    const prev = out.at(-1);
    if (prev && prev.part === c.part && isFigureClause(c.text) && isAction(prev.text) && !isFigureClause(prev.text)) {
      const joined = { start: prev.start, end: c.end, text: text.slice(prev.start, c.end), part: prev.part };
      if (len(joined.text) <= MAX_POINT) {
        out[out.length - 1] = joined;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** A clause that is a measure: it opens with 每/最高/不少于… and holds a figure, in a few words. */
function isFigureClause(clause: string): boolean {
  return len(clause) <= FIGURE_CLAUSE && MEASURE.test(clause) && FIGURE.test(clause);
}

/** True when a clause only says the slide title again (the lead's own clause, the enumerator aside). */
function repeatsTitle(clause: string, title: string): boolean {
  const bare = squash(clause.replace(ENUMERATOR_HEAD, ''));
  const t = squash(title);
  return bare.length > 0 && t.includes(bare);
}

/** The body's candidate clauses, best first, and how many points the paragraph gets. */
function rankClauses(text: string, lead: string, title: string): { ranked: Ranked[]; want: number } {
  const { clauses, candidates: all, bodyStart } = candidateClauses(text, lead);
  // Never the title again as a point (a one-clause ask shows its title alone), nor a scrap left unjoined (很好).
  let candidates = all.filter((c) => !repeatsTitle(c.text, title) && len(c.text) >= MIN_CLAUSE);
  // An ask that is one long sentence (its title longer than a point) shows its clauses after the first: they are no repeat of a title the slide shrinks to fit.
  if (candidates.length === 0 && len(title) > MAX_POINT) candidates = all.filter((c) => len(c.text) >= MIN_CLAUSE && !squash(title).startsWith(squash(c.text.replace(ENUMERATOR_HEAD, ''))));
  // The clause after each one, in the same part, even when it is too long to be a point.
  const nextOf = new Map(clauses.map((c, i) => [c, clauses[i + 1]?.part === c.part ? clauses[i + 1]!.text : undefined]));
  const bodyLength = len(text) - len(text.slice(0, bodyStart));
  const titleWords = words(title);
  // 不能只靠热情，还需要专业和坚持: the second half of a 不能只……，还…… condition is background too.
  const condition = new Set(clauses.filter((c, i) => i > 0 && clauses[i - 1]!.part === c.part && CONDITION.test(clauses[i - 1]!.text) && CONDITION_TAIL.test(c.text)));
  // The topic of a sentence is no point: a clause that opens a list (要抓好三个方面的责任：), that a
  // subjectless modal continues (今年列入计划的……项目，要在……完工), or an object an action follows (对进入临床三期的创新药，省里给予……).
  const topic = new Set(
    clauses.filter((c, i) => {
      const next = clauses[i + 1]?.part === c.part ? clauses[i + 1] : undefined;
      if (/^[：:]/u.test(text.slice(c.end).trimStart()) && i < clauses.length - 1) return true;
      if (!next) return false;
      return (!HAS_MODAL.test(c.text) && TOPIC_NEXT.test(next.text)) || (/^(?:对于?|针对)/u.test(c.text) && !DISPOSAL.test(c.text) && (isAction(next.text) || HAS_VERB.test(next.text)));
    }),
  );
  // A sentence that opens on 譬如/比如… is an example the speaker argues with; its modals (然而必须救助……) ask nothing of the audience.
  const illustration = new Set(clauses.filter((c, i) => (i === 0 || clauses[i - 1]!.part !== c.part) && ILLUSTRATION.test(c.text)).map((c) => c.part));
  // An ask of the body: a whole clause (no connective opening, nothing left hanging on 的) that asks, commits or proposes.
  const asks = (c: Clause) => isAction(c.text) && !isFragment(c.text) && !illustration.has(c.part) && !condition.has(c);
  // 每栋楼推选一名楼长, 每月至少走访一次独居老人: a norm with its figure sets the ask's target, modal or none.
  const norm = (c: Clause) => NORM.test(c.text) && FIGURE.test(c.text) && !isFragment(c.text) && !isProblem(c.text) && !illustration.has(c.part);
  const actions = candidates.filter((c) => asks(c) || norm(c));
  // 要落实各级河长责任，……，公开河长电话: the clauses that carry on an ask in its sentence share its modal and ask too.
  const carriesOn = new Set<Clause>();
  for (const [i, c] of clauses.entries()) {
    const prev = clauses[i - 1];
    if (prev?.part === c.part && (actions.includes(prev) || carriesOn.has(prev)) && !isFragment(c.text) && !isProblem(c.text) && !BACKGROUND.test(c.text) && !topic.has(c) && !condition.has(c)) carriesOn.add(c);
  }
  // The figures of an ask (每家最高20万元 after 给予补贴): clauses with a number, in a sentence part that asks.
  const asking = new Set(actions.map((c) => c.part));
  const carriesFigure = (c: Clause) => asking.has(c.part) && FIGURE.test(c.text) && !BACKGROUND.test(c.text) && !isProblem(c.text) && !isFragment(c.text) && !topic.has(c);
  // A point asks or carries the ask's figures; anything else (reasons, facts, examples) is background
  // the speaker says, not a point to show. A body with no ask shows none: its title is the ask.
  const points = new Set(candidates.filter((c) => actions.includes(c) || carriesOn.has(c) || carriesFigure(c)));
  // No more points than the body has asks (two when it has one, with a figure), up to its length's share.
  const want = actions.length === 0 ? 0 : Math.min(points.size, Math.max(2, Math.min(4, Math.ceil(bodyLength / 100))), Math.max(2, actions.length));
  // The clauses before the body's first ask set the scene: background, not points.
  const firstAsk = candidates.findIndex((c) => c.start >= bodyStart && !condition.has(c) && isAction(c.text));
  const ranked = candidates
    .map((c, i) => {
      const w = words(c.text);
      const background = (firstAsk > 0 && i < firstAsk ? BEFORE_ASK : 0) + (condition.has(c) ? PROBLEM_COST : 0) + (topic.has(c) ? FRAGMENT_COST : 0);
      const figure = carriesFigure(c) ? FIGURE_GAIN : 0;
      return { c, i, score: scoreClause(c.text, i, titleWords, nextOf.get(c), w) - background + figure, w };
    })
    .filter((r) => points.has(r.c))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  return { ranked, want };
}

/**
 * Key points of a proposal: 2–4 clauses of its body (the paragraph after the lead
 * sentence), each verbatim and at most MAX_POINT characters, in reading order.
 * The method is documented in docs/deck.md.
 */
export function pickKeyPoints(text: string, lead: string, title: string): string[] {
  const { ranked, want } = rankClauses(text, lead, title);
  const chosen: Ranked[] = [];
  for (const r of ranked) {
    if (chosen.length >= want) break;
    if (chosen.some((o) => similarity(o.w, r.w) >= 0.6)) continue;
    chosen.push(r);
  }
  for (const r of ranked) {
    if (chosen.length >= want) break;
    if (!chosen.includes(r)) chosen.push(r);
  }
  return chosen.sort((a, b) => a.i - b.i).map((r) => r.c.text);
}

/**
 * The score of each of a proposal's key points, as {@link pickKeyPoints} ranked it; a point
 * that is not one of its clauses (chosen in the manuscript) is scored on its own.
 */
export function keyPointScores(p: { text: string; lead: string; title: string; keyPoints: readonly string[] }): number[] {
  const { ranked } = rankClauses(p.text, p.lead, p.title);
  const titleWords = words(p.title);
  return p.keyPoints.map((k) => ranked.find((r) => r.c.text === k)?.score ?? scoreClause(k, 0, titleWords));
}

/** Index in `text` just past the lead sentence (0 when the text does not start with it). */
function leadEnd(text: string, lead: string): number {
  const at = text.indexOf(lead);
  return at >= 0 && text.slice(0, at).trim() === '' ? at + lead.length : 0;
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** An enumerator at the start of a clause (一是, 第一，, （一）, 首先，). */
const ENUMERATOR_HEAD = LEADING_ENUMERATOR;

/** Text without whitespace, for comparing clauses. */
function squash(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** Length in characters (code points), as a reader counts them. */
export function len(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

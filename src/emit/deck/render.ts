import type { Image } from 'mdast';
import type { Book, Proposal } from '../../model/book.js';
import { titleBreakPieces } from '../../model/lines.js';
import { len } from '../../model/keypoints.js';
import { escapeAttr } from '../escape.js';
import { cutAtPlaceholder, fillPlaceholders } from '../placeholders.js';
import { zhDate } from '../../text/dates.js';
import { HANDOUT_LABEL, qrSvg } from './qr.js';
import type { ContextShown, Slide, SpeechRef } from './slides.js';
import { minutesOf, planTalk, type Talk } from './talk.js';

const e = escapeAttr;

/** Title size class by length, so long titles start smaller; deck.js shrinks further if needed. */
export function sizeClass(text: string): 'size-l' | 'size-m' | 'size-s' {
  const n = len(text);
  return n <= 16 ? 'size-l' : n <= 28 ? 'size-m' : 'size-s';
}

/**
 * Book → reveal.js slides HTML inside the deck shell template; each slide carries its
 * speaking time as `data-timing` (seconds), which deck.js sums into reveal's `totalTime`. Pure.
 */
export function renderDeck(book: Book, shell: string, talk: Talk = planTalk(book), images: DeckImages = new Map()): string {
  return joinDeck(deckPieces(book, shell, talk, images));
}

/** The deck page from its pieces. */
export function joinDeck(p: DeckPieces): string {
  return p.head + p.slides.join('\n') + p.tail;
}

/** Where each picture of a context slide is in the deck folder (`images/3f2a….png`), by its Markdown node. */
export type DeckImages = ReadonlyMap<Image, string>;

/** The deck page cut at its slides. */
export interface DeckPieces {
  head: string;
  slides: string[];
  tail: string;
}

/** The deck page in pieces: the shell before the slides, each slide's `<section>`, the shell after them (`serve` swaps slides one by one). Pure. */
export function deckPieces(book: Book, shell: string, talk: Talk = planTalk(book), images: DeckImages = new Map()): DeckPieces {
  // The shell is cut at its own {{slides}} before anything is put in: a title holding
  // `{{slides}}` would otherwise become the cut, and the slides land inside <title>.
  const values = { lang: e(book.meta.lang), title: e(book.meta.title) };
  const cut = cutAtPlaceholder(shell, 'slides', values);
  const slides = talk.slides.map((s, i) => renderSlide(s, minutesOf(talk.total), images).replace('<section ', `<section data-timing="${talk.seconds[i]}" `));
  if (!cut) return { head: fillPlaceholders(shell, values), slides: [], tail: '' };
  return { head: cut[0], slides, tail: cut[1] };
}

/** A slide title, escaped, with a `<wbr>` between its words: the theme's `word-break: keep-all` breaks it only there (never 正|处在). */
function titleHtml(text: string): string {
  return titleBreakPieces(text).map(e).join('<wbr>');
}

/** One slide → a `<section>` with a fixed-size `.frame` (what must fit) and optional notes. */
function renderSlide(s: Slide, minutes: number, images: DeckImages): string {
  switch (s.kind) {
    case 'title':
      // The talk's length is for the speaker: the head of the first slide's notes, never on a slide.
      return section(
        'title',
        '',
        [
          `<h1 class="${sizeClass(s.title)}">${titleHtml(s.title)}</h1>`,
          s.subtitle ? `<p class="subtitle">${e(s.subtitle)}</p>` : '',
          s.byline ? `<div class="speech-byline">${s.byline.map((l) => `<p class="byline">${e(l)}</p>`).join('')}</div>` : '',
          `<p class="byline">${s.author ? `<span class="author">${e(s.author)}</span>` : ''}${s.date ? `<time data-kind="date" datetime="${e(s.date)}">${e(zhDate(s.date))}</time>` : ''}</p>`,
        ],
        `<p class="length" data-kind="length">${e(talkLength(minutes))}</p>`,
      );
    case 'overview':
      return section('overview', '', [
        s.heading ? `<h2 class="${sizeClass(s.heading)}">${titleHtml(s.heading)}</h2>` : '',
        `<ol class="speeches">${s.speeches.map((sp) => `<li><span class="num">${sp.n}</span><div><p class="speech-title">${e(sp.title)}</p>${sp.attribution ? `<p class="attribution">${e(sp.attribution)}</p>` : ''}</div></li>`).join('')}</ol>`,
      ]);
    case 'speech':
      // data-state: reveal puts it on the viewport while the slide shows, so the theme can
      // turn the controls white on the accent background (they are the accent elsewhere).
      return section(
        'speech',
        attrs({ speech: s.speech.n, anchor: s.speech.anchor, state: 'on-accent' }),
        [
          `<p class="num">${s.speech.n}</p>`,
          `<h2 class="${sizeClass(s.speech.title)}">${titleHtml(s.speech.title)}</h2>`,
          s.speech.byline ? `<div class="speech-byline">${s.speech.byline.map((l) => `<p class="byline">${e(l)}</p>`).join('')}</div>` : '',
          s.speech.attribution ? `<p class="attribution">${e(s.speech.attribution)}</p>` : '',
        ],
        paras(s.script),
      );
    case 'part':
      return section('part', attrs({ speech: s.speech.n, anchor: s.part.anchor }), [kicker(s.speech), `<h2 class="${sizeClass(s.part.title)}">${titleHtml(s.part.title)}</h2>`], paras(s.script));
    case 'context':
      return section(
        'context',
        attrs({ speech: s.speech.n }),
        [
          kicker(s.speech),
          s.heading ? `<h2 class="${sizeClass(s.heading)}">${titleHtml(s.heading)}</h2>` : '',
          contextBody(s.items, images),
        ],
        (s.said ? paras(s.said) : s.items.map((it) => contextNote(it, images)).join('')) + paras(s.script),
      );
    case 'proposal':
      return proposalSlide(s.speech, s.proposal, s.of, s.said, s.intro, s.script);
    case 'summary':
      return section('summary', attrs({ part: s.part }), [
        ...s.groups.map(
          (g) =>
            `<div class="group"><h3><span class="num">${g.speech.n}</span>${e(g.speech.title)}</h3><ol>${g.proposals
              .map((p) => `<li><span class="ord">${p.ordinal}</span><span class="t">${e(p.title)}</span></li>`)
              .join('')}</ol></div>`,
        ),
      ], paras((s.closings ?? []).flatMap((c) => c.script)));
    case 'closing':
      // A vector code inline: sharp on any projector and in the printed deck.pdf.
      return section('closing', '', [`<div class="qr" data-url="${e(s.url)}">${qrSvg(s.url, { label: s.url })}</div>`, `<p class="handout-label">${e(HANDOUT_LABEL)}</p>`]);
  }
}

/** The talk's length as the speaker view and the build summary say it: one of the few things bookdeck writes itself. */
export function talkLength(minutes: number): string {
  return `约${minutes}分钟`;
}

/** A context slide's items in reading order: runs of paragraphs as one numbered list (numbers run on across the slide), pictures, tables and quotes between them. */
function contextBody(items: ContextShown[], images: DeckImages): string {
  let html = '';
  let run: string[] = [];
  const endRun = () => {
    if (run.length) html += `<ol class="items">${run.join('')}</ol>`;
    run = [];
  };
  for (const it of items) {
    if (it.kind === 'text') {
      run.push(`<li data-anchor="${e(it.anchor)}">${e(it.title)}</li>`);
      continue;
    }
    endRun();
    if (it.kind === 'image') html += picture(it, images, 'picture');
    else if (it.kind === 'table') html += table(it.rows);
    else html += `<blockquote class="quote">${paras(it.texts)}</blockquote>`;
  }
  endRun();
  return html;
}

/** A context item in the speaker notes: the paragraph whole, the picture, the table, the quote. */
function contextNote(it: ContextShown, images: DeckImages): string {
  if (it.kind === 'text') return paras([it.text]);
  if (it.kind === 'image') return picture(it, images, 'note-picture');
  if (it.kind === 'table') return table(it.rows);
  return `<blockquote>${paras(it.texts)}</blockquote>`;
}

/** A picture of the deck folder, captioned as the Book decided (图 N　alt for a figure, else its alt text). */
function picture(it: Extract<ContextShown, { kind: 'image' }>, images: DeckImages, cls: string): string {
  const src = images.get(it.node);
  const caption = it.caption ? `<figcaption>${e(it.caption)}</figcaption>` : '';
  // The speaker view is a popup without the theme: a picture in the notes is kept small there by its own style.
  const style = cls === 'note-picture' ? ' style="max-width:100%;max-height:12em"' : '';
  return src ? `<figure class="${cls}"><img src="${e(src)}" alt="${e(it.alt)}"${style}>${caption}</figure>` : caption && `<figure class="${cls}">${caption}</figure>`;
}

/** A table of plain-text cells, the first row its header. */
function table(rows: string[][]): string {
  const [head, ...body] = rows;
  const row = (cells: string[], tag: 'th' | 'td') => `<tr>${cells.map((c) => `<${tag}>${e(c)}</${tag}>`).join('')}</tr>`;
  return `<table class="table">${head ? `<thead>${row(head, 'th')}</thead>` : ''}<tbody>${body.map((r) => row(r, 'td')).join('')}</tbody></table>`;
}

/** Paragraphs of speaker notes, each verbatim. */
function paras(texts?: string[]): string {
  return (texts ?? []).map((t) => `<p>${e(t)}</p>`).join('');
}

function proposalSlide(speech: SpeechRef, p: Proposal, of: number, said?: string[], intro?: string, script?: string[]): string {
  const lead = p.text.startsWith(p.lead) ? p.lead : '';
  const own = said
    ? said.map((t, i) => (i === 0 && lead && t === lead ? `<p><strong>${e(t)}</strong></p>` : `<p>${e(t)}</p>`)).join('')
    : `<p>${lead ? `<strong>${e(lead)}</strong>` : ''}${e(p.text.slice(lead.length))}</p>`;
  const notes = paras(intro ? [intro] : []) + own + paras(script);
  return section(
    'proposal',
    attrs({ speech: speech.n, ordinal: p.ordinal, anchor: p.anchor, keypoints: p.keyPointsFrom ?? 'auto' }),
    [
      kicker(speech, `${p.ordinal} / ${of}`),
      `<h2 class="${sizeClass(p.title)}">${titleHtml(p.title)}</h2>`,
      // A paragraph that only argues for its ask has no point to show: the title stands alone.
      p.keyPoints.length ? `<ul class="points">${p.keyPoints.map((k) => `<li class="fragment">${e(k)}</li>`).join('')}</ul>` : '',
    ],
    notes,
  );
}

function kicker(speech: SpeechRef, count?: string): string {
  return `<p class="kicker"><span class="num">${speech.n}</span><span class="speech-title">${e(speech.title)}</span>${count ? `<span class="count">${e(count)}</span>` : ''}</p>`;
}

function attrs(data: Record<string, string | number>): string {
  return Object.entries(data)
    .map(([k, v]) => ` data-${k}="${e(String(v))}"`)
    .join('');
}

function section(kind: Slide['kind'], data: string, body: string[], notes?: string): string {
  const aside = notes ? `<aside class="notes">${notes}</aside>` : '';
  return `<section class="${kind}" data-kind="${kind}"${data}><div class="frame">${body.filter(Boolean).join('')}</div>${aside}</section>`;
}

import type { writeDeck } from '../emit/deck/index.js';
import type { PartedPage } from './parts.js';

/** The deck just written, cut into its slides, keyed by index; slides may come and go in place. */
export function deckPage(deck: Awaited<ReturnType<typeof writeDeck>>): PartedPage {
  const { head, slides, tail } = deck.pieces;
  return { head, parts: slides.map((html, i) => ({ key: String(i), html })), tail, assets: deck.css + deck.js, rekey: true };
}

import { createHash } from 'node:crypto';
import type { Book } from '../../model/book.js';
import { zhDate } from '../../text/dates.js';

// Namespace for bookdeck's name-based UUIDs (RFC 4122 v5): a fixed value, never per build.
const NAMESPACE = 'b0f1e5a2-6d1c-5c3e-9a47-0b6f0c7d2e18';

/** RFC 4122 version-5 UUID of `name` in `namespace`: the same inputs always give the same id. */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The book's unique identifier: the front matter's `identifier`, otherwise a UUID
 * derived from what names the work (title, subtitle, author, publisher, date, language
 * and the speech titles), so that rebuilding, or fixing a typo in a speech, keeps it.
 */
export function bookIdentifier(book: Book): string {
  const { meta } = book;
  if (meta.identifier) return meta.identifier;
  const name = JSON.stringify([meta.title, meta.subtitle, meta.author, meta.publisher, meta.date, meta.lang, book.chapters.map((c) => c.title)]);
  return `urn:uuid:${uuidV5(name)}`;
}

/** A person or body the package document names, with its MARC relator role. */
export interface Credit {
  /** `creator`, `creator2`…, `contributor1`…: refined by its role. */
  id: string;
  name: string;
  /** `aut` author, `spk` speaker. */
  role: 'aut' | 'spk';
}

/**
 * `dc:creator` and `dc:contributor` from the book's `author` and its speeches' speakers.
 * With an author, the author is the creator and every other speaker a contributor (role
 * `spk`); without one, the speakers are the creators, as a collection of one person's
 * speeches is that person's book. A speaker list (甲、乙) names each person once. Pure.
 */
export function credits(book: Book): { creators: Credit[]; contributors: Credit[] } {
  const speakers = [...new Set(book.sections.flatMap((s) => s.meta?.speaker?.split('、') ?? []).map((n) => n.trim()).filter(Boolean))];
  const author = book.meta.author;
  const id = (base: string, i: number) => (base === 'creator' && i === 0 ? 'creator' : `${base}${i + 1}`);
  if (!author) return { creators: speakers.map((name, i) => ({ id: id('creator', i), name, role: 'aut' })), contributors: [] };
  const authors = new Set(author.split('、').map((n) => n.trim()));
  return {
    creators: [{ id: 'creator', name: author, role: 'aut' }],
    contributors: speakers.filter((n) => !authors.has(n)).map((name, i) => ({ id: id('contributor', i), name, role: 'spk' })),
  };
}

/** `2018-07-26` → `2018年7月26日` for Chinese books; the ISO date otherwise. */
export function displayDate(date: string, lang: string): string {
  return /^zh\b/i.test(lang) ? zhDate(date) : date;
}

/** Schema.org accessibility metadata for the package document. */
export interface Accessibility {
  accessModes: string[];
  sufficient: string[];
  features: string[];
  hazards: string[];
  summary: string;
}

/** Accessibility metadata that is true of what bookdeck writes: text first, navigable, no hazards. */
export function accessibility(hasImages: boolean, hasFootnotes: boolean): Accessibility {
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'];
  if (hasImages) features.push('alternativeText');
  if (hasFootnotes) features.push('annotations');
  return {
    accessModes: hasImages ? ['textual', 'visual'] : ['textual'],
    sufficient: ['textual'],
    features,
    hazards: ['none'],
    summary:
      'This publication is text with a structured table of contents; each speech is a chapter, headings are marked up, ' +
      'and the key proposals of each speech are listed under it in the navigation. The reading order follows the manuscript. ' +
      'The cover image carries a text alternative. No flashing, sound or motion hazards.',
  };
}

import path from 'node:path';
import { BookdeckError } from '../errors.js';
import type { Location } from '../message.js';
import type { SectionKind } from './book.js';

/** A section before it is built, as far as ordering needs it. */
export interface Orderable {
  kind: SectionKind;
  title: string;
  /** `YYYY-MM-DD`, from its front matter or its byline. */
  date: string | undefined;
  location: Location;
}

/**
 * `order: date`: the speeches sorted by date, each into one of the places speeches held, so
 * front and back matter stay where they are; speeches of one day keep their order. A speech
 * without a date cannot be placed: E_ORDER_DATE at the first, naming the others. Pure.
 */
export function sortByDate<T>(sections: readonly T[], view: (s: T) => Orderable): T[] {
  const speeches = sections.filter((s) => view(s).kind === 'speech');
  const undated = speeches.filter((s) => view(s).date === undefined).map(view);
  if (undated.length) {
    const [first, ...more] = undated;
    const others = more.map((o) => `《${o.title}》 at ${path.basename(o.location.file)}${o.location.line ? `:${o.location.line}` : ''}`);
    throw new BookdeckError('E_ORDER_DATE', `speech 《${first!.title}》 has no date, and \`order: date\` sorts the speeches by date${others.length ? ` (so has ${others.join(', ')})` : ''}`, {
      location: first!.location,
      hint: 'give it `date: YYYY-MM-DD` in its front matter (or a date line （2024年4月18日） under its title), or remove `order: date` to keep the order of the files',
    });
  }
  const sorted = [...speeches].sort((a, b) => view(a).date!.localeCompare(view(b).date!));
  return sections.map((s) => (view(s).kind === 'speech' ? sorted.shift()! : s));
}

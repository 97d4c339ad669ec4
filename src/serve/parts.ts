/** One swappable piece of a served page: a chapter of the preview, a slide of the deck. */
export interface Part {
  /** How the open page finds it: an element id in the preview, a slide index in the deck. */
  key: string;
  html: string;
}

/** A served page cut into swappable parts, in page order, between a head and a tail that are not. */
export interface PartedPage {
  head: string;
  parts: Part[];
  tail: string;
  /** What else the page loads, whose change needs a reload (the deck's stylesheet and script). */
  assets?: string;
  /** Whether the parts may be added or removed in place (the deck's slides), rather than by a reload. */
  rekey?: boolean;
}

/**
 * What an open page must do to show `next` instead of `prev`: swap the parts that changed,
 * replace them all when they were added or removed (where `rekey` allows), else reload.
 * `count` is how many parts the page must hold now for the swap to apply.
 */
export type Patch = { reload: true } | { reload?: undefined; count: number; replace: boolean; parts: Part[] };

/** The page as one HTML string. */
export function joinPage(page: PartedPage): string {
  return page.head + page.parts.map((p) => p.html).join('\n') + page.tail;
}

/** The patch from `prev` to `next`. */
export function diffPages(prev: PartedPage, next: PartedPage): Patch {
  if (prev.head !== next.head || prev.tail !== next.tail || prev.assets !== next.assets || prev.rekey !== next.rekey) return { reload: true };
  const count = prev.parts.length;
  if (count === next.parts.length && prev.parts.every((p, i) => p.key === next.parts[i]!.key)) {
    return { count, replace: false, parts: next.parts.filter((p, i) => p.html !== prev.parts[i]!.html) };
  }
  return next.rekey ? { count, replace: true, parts: next.parts } : { reload: true };
}

import type { FootnoteDefinition, } from 'mdast';
import type { Element, ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';

/** The footnotes of one chapter, numbered as the Book numbers them (`Chapter.notes`, per speech from 1). */
export class ChapterNotes {
  /** Identifiers of the notes referenced so far, in the order first referenced. */
  readonly order: string[] = [];
  private readonly refs = new Map<string, number>();

  constructor(
    readonly chapterId: string,
    readonly defs: ReadonlyMap<string, FootnoteDefinition>,
    /** The Book's numbering: note n is `numbers[n - 1]`. */
    readonly numbers: readonly string[],
  ) {}

  /** The `<sup><a epub:type="noteref">n</a></sup>` for a reference; marks the note used. */
  reference(identifier: string): Element {
    if (!this.order.includes(identifier)) this.order.push(identifier);
    const n = this.number(identifier);
    const count = (this.refs.get(identifier) ?? 0) + 1;
    this.refs.set(identifier, count);
    const id = count === 1 ? this.refId(n) : `${this.refId(n)}-${count}`;
    return {
      type: 'element',
      tagName: 'sup',
      properties: {},
      children: [
        {
          type: 'element',
          tagName: 'a',
          properties: { id, href: `#${this.noteId(n)}`, className: ['bookdeck-noteref'] },
          children: [{ type: 'text', value: String(n) }],
        },
      ],
    };
  }

  /** The notes section closing the chapter: one `<aside epub:type="footnote">` per note. */
  section(state: State): Element | undefined {
    const asides: { n: number; aside: Element }[] = [];
    // A note may itself reference a later note, which then joins the order.
    for (let i = 0; i < this.order.length; i++) {
      const def = this.defs.get(this.order[i]!)!;
      const n = this.number(this.order[i]!);
      const back: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${this.refId(n)}`, className: ['bookdeck-backlink'] },
        children: [{ type: 'text', value: String(n) }],
      };
      const body = state.all(def) as ElementContent[];
      const first = body.find((c): c is Element => c.type === 'element');
      if (first?.tagName === 'p') first.children.unshift(back, { type: 'text', value: ' ' });
      else body.unshift({ type: 'element', tagName: 'p', properties: {}, children: [back] });
      asides.push({
        n,
        aside: {
          type: 'element',
          tagName: 'aside',
          properties: { id: this.noteId(n), className: ['footnote', 'bookdeck-footnote'] },
          children: body,
        },
      });
    }
    if (!asides.length) return undefined;
    const children: ElementContent[] = asides.sort((a, b) => a.n - b.n).map((a) => a.aside);
    return { type: 'element', tagName: 'section', properties: { className: ['footnotes', 'bookdeck-footnotes'] }, children };
  }

  /** The note's number in the Book; a note the Book did not number (a chapter rendered alone) follows its numbered ones. */
  private number(identifier: string): number {
    const i = this.numbers.indexOf(identifier);
    return i >= 0 ? i + 1 : this.numbers.length + this.order.filter((id) => !this.numbers.includes(id)).indexOf(identifier) + 1;
  }

  private refId(n: number): string {
    return `${this.chapterId}-fnref-${n}`;
  }

  private noteId(n: number): string {
    return `${this.chapterId}-fn-${n}`;
  }
}

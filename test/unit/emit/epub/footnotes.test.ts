import type { Element, ElementContent } from 'hast';
import type { FootnoteDefinition, Root } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import { describe, expect, it } from 'vitest';
import { ChapterNotes } from '../../../../src/emit/epub/footnotes.js';
import { parseSource } from '../../../../src/manuscript/parse.js';

/** A chapter's text turned to hast with its note references made by ChapterNotes, and the notes section closing it. */
function render(md: string, numbers: string[]) {
  const tree: Root = parseSource({ path: 'm.md', text: md, notices: [] }).tree;
  const defs = new Map(tree.children.filter((n): n is FootnoteDefinition => n.type === 'footnoteDefinition').map((d) => [d.identifier, d]));
  const notes = new ChapterNotes('s2', defs, numbers);
  let state: State | undefined;
  toHast({ ...tree, children: tree.children.filter((n) => n.type !== 'footnoteDefinition') }, {
    handlers: {
      footnoteReference(s, node) {
        state = s;
        return notes.reference(node.identifier);
      },
    },
  });
  return { notes, section: notes.section(state!) };
}
const text = (e: ElementContent): string => (e.type === 'text' ? e.value : e.type === 'element' ? e.children.map(text).join('') : '');
const refs = (md: string, numbers: string[]) => {
  const out: Element[] = [];
  const tree: Root = parseSource({ path: 'm.md', text: md, notices: [] }).tree;
  const defs = new Map(tree.children.filter((n): n is FootnoteDefinition => n.type === 'footnoteDefinition').map((d) => [d.identifier, d]));
  const notes = new ChapterNotes('s2', defs, numbers);
  const footnoteReference = (_s: State, node: { identifier: string }) => {
    const sup = notes.reference(node.identifier);
    out.push(sup);
    return sup;
  };
  toHast(tree, { handlers: { footnoteReference, footnoteDefinition: () => undefined } });
  return out.map((sup) => {
    const a = sup.children[0] as Element;
    return [text(a), a.properties.id, a.properties.href];
  });
};

const MD = ['第一处[^src]，第二处[^law]，再引[^src]。', '', '[^src]: 《县志》第三卷。', '[^law]: 《防洪法》第二条。', ''].join('\n');

describe('ChapterNotes', () => {
  it('numbers each reference as the Book numbers the note; a second reference to a note gets its own id', () => {
    expect(refs(MD, ['src', 'law'])).toEqual([
      ['1', 's2-fnref-1', '#s2-fn-1'],
      ['2', 's2-fnref-2', '#s2-fn-2'],
      ['1', 's2-fnref-1-2', '#s2-fn-1'],
    ]);
  });

  it('follows the Book’s numbering, not the order of reading', () => {
    expect(refs(MD, ['law', 'src']).map(([n]) => n)).toEqual(['2', '1', '2']);
  });

  it('a note the Book did not number follows its numbered ones', () => {
    expect(refs(MD, ['law']).map(([n]) => n)).toEqual(['2', '1', '2']);
  });

  it('closes the chapter with one aside per note in number order, each opening with its backlink', () => {
    const { section } = render(MD, ['src', 'law']);
    const asides = section!.children as Element[];
    expect(asides.map((a) => [a.properties.id, text(a)])).toEqual([
      ['s2-fn-1', '1 《县志》第三卷。'],
      ['s2-fn-2', '2 《防洪法》第二条。'],
    ]);
    const back = ((asides[0]!.children[0] as Element).children[0] as Element).properties;
    expect(back.href).toBe('#s2-fnref-1');
  });

  it('lists the notes by number even when the one numbered 2 is read first', () => {
    const asides = render(MD, ['law', 'src']).section!.children as Element[];
    expect(asides.map((a) => text(a))).toEqual(['1 《防洪法》第二条。', '2 《县志》第三卷。']);
  });

  it('no notes referenced, no section', () => {
    expect(render('没有注释。\n', []).section).toBeUndefined();
  });
});

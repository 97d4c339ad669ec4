import type { Element, ElementContent, Root } from 'hast';
import type { Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Para } from '../../../src/model/book.js';
import { extractProposals } from '../../../src/model/proposals.js';
import { LIMITS, refuseTooManyParagraphs } from '../../../src/model/limits.js';
import { repairContentModel } from '../../../src/emit/epub/content-model.js';
import { markOwnIds, settleIds } from '../../../src/emit/epub/own-ids.js';

const N = 150_000;

/** N body paragraphs in one part, none a proposal: extractProposals then groups them by part. */
function paras(n: number): Para[] {
  return Array.from({ length: n }, (_, i) => {
    const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: `第${i}段。` }] };
    return { id: `s1-p${i}`, text: `第${i}段。`, node, location: { file: 'm.md', line: i + 1 }, role: 'body' as const, path: ['s1-1'] };
  });
}

const p = (i: number): Element => ({ type: 'element', tagName: 'p', properties: { id: `p${i}` }, children: [{ type: 'text', value: `第${i}段。` }] });

describe('a speech of 150,000 paragraphs: the walks are linear and spread nothing into a call', () => {
  it('proposals, ids and the XHTML repair finish in seconds without overflowing the stack', () => {
    const started = Date.now();
    expect(extractProposals(1, paras(N))).toEqual([]);

    const tree: Root = { type: 'root', children: Array.from({ length: N }, (_, i) => p(i)) };
    markOwnIds(tree);
    settleIds(tree);
    expect((tree.children[N - 1] as Element).properties.id).toBe(`p${N - 1}`);

    // A <p> inside <pre> gives way to its children: 150,000 of them put back in its place.
    const inner: ElementContent[] = Array.from({ length: N }, (_, i) => ({ type: 'text', value: String(i % 10) }));
    const pre: Root = { type: 'root', children: [{ type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'p', properties: {}, children: inner }] }] };
    expect(repairContentModel(pre, 'm.md')).toHaveLength(1);
    expect((pre.children[0] as Element).children).toHaveLength(N);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it(`a file of more than ${LIMITS.paragraphs.toLocaleString('en')} paragraphs is refused before the parse, naming the line`, () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `第${i}段。`).join('\n\n');
    const started = Date.now();
    expect(() => refuseTooManyParagraphs(text, 'p.md')).toThrow(/more than 20,000 paragraphs/);
    try {
      refuseTooManyParagraphs(text, 'p.md');
    } catch (err) {
      expect(err).toMatchObject({ code: 'E_TOO_MANY_PARAGRAPHS', kind: 'input', line: 2 * LIMITS.paragraphs + 1 });
    }
    // Blank lines inside fenced code start no paragraph; the limit itself is allowed.
    expect(() => refuseTooManyParagraphs(`\`\`\`\n${'x\n\n'.repeat(30_000)}\`\`\`\n`, 'code.md')).not.toThrow();
    expect(() => refuseTooManyParagraphs(Array.from({ length: LIMITS.paragraphs }, () => '段。').join('\n\n'), 'ok.md')).not.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

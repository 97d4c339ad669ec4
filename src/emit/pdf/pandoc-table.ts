import type { PhrasingContent, Table, TableRow } from 'mdast';
import type { PandocNode } from './pandoc-text.js';

const ALIGN = { left: 'AlignLeft', right: 'AlignRight', center: 'AlignCenter' } as const;

/** A GFM table → pandoc's Table (pandoc-types ≥ 1.21): the first row is the head. */
export function table(node: Table, cell: (content: PhrasingContent[]) => PandocNode[]): PandocNode {
  const width = Math.max(...node.children.map((r) => r.children.length));
  const align = Array.from({ length: width }, (_, i) => ({ t: (node.align?.[i] && ALIGN[node.align[i]!]) || 'AlignDefault' }));
  const attr = ['', [], []];
  const row = (r: TableRow) => [
    attr,
    Array.from({ length: width }, (_, i) => {
      const c = r.children[i];
      return [attr, { t: 'AlignDefault' }, 1, 1, c ? [{ t: 'Plain', c: cell(c.children) }] : []];
    }),
  ];
  const [head, ...body] = node.children;
  return {
    t: 'Table',
    c: [attr, [null, []], align.map((a) => [a, { t: 'ColWidthDefault' }]), [attr, head ? [row(head)] : []], [[attr, 0, [], body.map(row)]], [attr, []]],
  };
}

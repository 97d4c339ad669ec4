import { describe, expect, it } from 'vitest';
import { parseManuscript } from '../../../src/manuscript/parse-all.js';
import { parseSource } from '../../../src/manuscript/parse.js';

const A = '---\ntitle: 跨文件\n---\n\n# 第一篇\n\n正文引用注释[^a]，还有[链接][ref]。\n';
const B = '# 第二篇\n\n第二篇正文[^a]。\n\n[^a]: 注释正文。\n\n[ref]: https://example.com\n';
const file = (path: string, text: string) => ({ path, text, notices: [] });
const at = (line: number, column: number, offset: number) => ({ line, column, offset });

describe('a reference whose definition is in another file of the folder', () => {
  it('parses as a footnoteReference and a linkReference, at the places of the author’s text', () => {
    const [a, b] = parseManuscript([file('01-a.md', A), file('02-b.md', B)]);
    const alone = parseSource(file('01-a.md', A)).tree;
    expect(a!.text).toBe(A);
    expect(a!.tree.position).toEqual(alone.position);
    expect(a!.tree.children.map((n) => n.type)).toEqual(['yaml', 'heading', 'paragraph']);
    expect(a!.tree.children.slice(0, 2)).toEqual(alone.children.slice(0, 2));
    expect(a!.tree.children[2]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: '正文引用注释', position: { start: at(7, 1, 27), end: at(7, 7, 33) } },
        { type: 'footnoteReference', identifier: 'a', label: 'a', position: { start: at(7, 7, 33), end: at(7, 11, 37) } },
        { type: 'text', value: '，还有', position: { start: at(7, 11, 37), end: at(7, 14, 40) } },
        {
          type: 'linkReference',
          identifier: 'ref',
          label: 'ref',
          referenceType: 'full',
          children: [{ type: 'text', value: '链接', position: { start: at(7, 15, 41), end: at(7, 17, 43) } }],
          position: { start: at(7, 14, 40), end: at(7, 23, 49) },
        },
        { type: 'text', value: '。', position: { start: at(7, 23, 49), end: at(7, 24, 50) } },
      ],
      position: { start: at(7, 1, 27), end: at(7, 24, 50) },
    });
    // The file holding the definitions is parsed as it stands.
    expect(b!.tree).toEqual(parseSource(file('02-b.md', B)).tree);
  });

  it('leaves a file alone whose labels are its own or defined nowhere, and one whose end is still open (a fence)', () => {
    const own = '正文[^a]和[x][ref]。\n\n[^a]: 本篇注。\n\n[ref]: https://own.example\n';
    const none = '正文[^zz]，[未定义][nope]。\n';
    const open = '正文[^a]。\n\n```\n代码\n';
    const files = [own, none, open, B].map((t, i) => file(`0${i}.md`, t));
    const parsed = parseManuscript(files);
    for (let i = 0; i < 3; i++) expect(parsed[i]!.tree).toEqual(parseSource(files[i]!).tree);
  });

  it('a shortcut or collapsed reference and a label written in other case and spacing resolve too', () => {
    const [a] = parseManuscript([file('01.md', '见[Some  Site]和[some site][]。\n'), file('02.md', '[some site]: https://example.com\n')]);
    const refs = JSON.stringify(a!.tree).match(/"linkReference"/g);
    expect(refs).toHaveLength(2);
  });

  it('borrowing changes nothing else, whatever the file ends with (a `[ref` that is no reference)', () => {
    const endings = ['- 甲\n- 乙\n', '1. 甲\n\n2. 乙\n', '> 引文\n> 续', '[^own]: 本篇注\n    续行\n', '| a | b |\n| - | - |\n| 1 | 2 |\n', '<div>\n块\n', '    缩进代码\n', '段落不带换行', '- 项\n\n  续段\n\n'];
    for (const end of endings) {
      const src = file('01.md', `正文\`[ref]\`[^own]。\n\n${end}`);
      const [a] = parseManuscript([src, file('02.md', '[ref]: https://example.com\n')]);
      expect(a!.tree, end).toEqual(parseSource(src).tree);
    }
  });
});

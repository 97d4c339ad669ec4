import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/office-attachments/speeches.md');
const MARKING = 'marking:\n  notice: 内部资料　注意保存\n  classification: 秘密★1年\n  copies: 3\n';

/** A paragraph of document.xml: its style, whether it opens a page, its indents and its text. */
interface Para {
  style?: string;
  pageBreak: boolean;
  ind: Record<string, number>;
  faces: string[];
  text: string;
}

/** The top-level paragraphs of a document.xml, in order (tables' cells included, which these documents have none of). */
function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p>((?:(?!<\/w:p>)[\s\S])*)<\/w:p>/g)].map(([, p]) => ({
    ...(/<w:pStyle w:val="([^"]+)"\/>/.exec(p!) ? { style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p!)![1] } : {}),
    pageBreak: /<w:pageBreakBefore\/>/.test(p!),
    ind: Object.fromEntries([...(/<w:ind ([^>]*)\/>/.exec(p!)?.[1] ?? '').matchAll(/w:(\w+)="(-?\d+)"/g)].map((m) => [m[1]!, Number(m[2])])),
    faces: [...p!.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]!),
    text: [...p!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  }));
}

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) out.set(name, await zip.file(name)!.async('string'));
  return out;
}

/** The style id whose name (w:name) is `name` in styles.xml, with that style's XML. */
function styleNamed(styles: string, name: string): { id: string; xml: string } | undefined {
  const m = [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>((?:(?!<\/w:style>)[\s\S])*)<\/w:style>/g)].find(([, , x]) => x!.includes(`<w:name w:val="${name}"/>`));
  return m ? { id: m[1]!, xml: m[2]! } : undefined;
}

describe('gongwen .docx: attachments and the 附件说明', () => {
  let out: string;
  beforeAll(async () => {
    out = await scratchDir('docx-attachments');
    const r = await runCli(['build', '-m', FIXTURE, '-o', out, '--only', 'docx', '--layout', 'gongwen', '--split', '--force']);
    expect(r.exitCode, r.stderr).toBe(0);
  }, 60_000);

  it('each attachment opens a page of its speech’s handout: 附件N in the style 附件标签 (3号黑体, no indent), an empty line, its title in 公文标题', async () => {
    const handouts = (await readdir(out)).filter((f) => /^\d\d-.*\.docx$/.test(f)).sort();
    expect(handouts).toHaveLength(2);
    for (const file of ['book.docx', handouts[0]!]) {
      const p = await parts(path.join(out, file));
      const label = styleNamed(p.get('word/styles.xml')!, '附件标签');
      expect(label, `${file}: a style named 附件标签`).toBeDefined();
      expect(label!.xml).toContain('<w:sz w:val="32"/>');
      expect(label!.xml).toContain('w:eastAsia="黑体"');
      // Not a heading: the navigation pane and the import see the attachment's title, not its label.
      expect(label!.xml).not.toMatch(/w:outlineLvl|w:basedOn w:val="Heading/);
      const title = styleNamed(p.get('word/styles.xml')!, '公文标题')!;
      // A title line is one line of the grid, exactly: off the grid at the grid's pitch (Writer gives a snapped 2号 line two).
      expect(title.xml).toMatch(/<w:snapToGrid w:val="0"\/><w:spacing [^>]*w:line="579" w:lineRule="exact"/);
      const ps = paragraphs(p.get('word/document.xml')!);
      for (const [n, name] of [[1, '全县防汛抗旱重点工程项目清单'], [2, '全县防汛应急物资储备情况表']] as const) {
        const i = ps.findIndex((x) => x.text === `附件${n}`);
        expect(i, `${file}: 附件${n}`).toBeGreaterThan(0);
        expect(ps[i]).toMatchObject({ style: label!.id, pageBreak: true });
        expect(ps[i]!.ind.firstLine ?? 0).toBe(0);
        expect(ps[i]!.faces).toEqual(['黑体']);
        // GB/T 9704 8: the title on the third line.
        expect(ps[i + 1]!.text).toBe('');
        expect(ps[i + 2]).toMatchObject({ style: title.id, text: name, pageBreak: false });
      }
    }
    const other = paragraphs((await parts(path.join(out, handouts[1]!))).get('word/document.xml')!);
    expect(other.some((x) => x.text.startsWith('附件'))).toBe(false);
  });

  it('the 附件说明 is one paragraph an item, hung: 2． under 1．, a title’s next lines under its first character', async () => {
    const ps = paragraphs((await parts(path.join(out, 'book.docx'))).get('word/document.xml')!);
    const i = ps.findIndex((x) => x.text.startsWith('附件：'));
    const [first, second] = [ps[i]!, ps[i + 1]!];
    expect(first.text).toBe('附件：1．全县防汛抗旱重点工程项目清单及责任单位与完成时限安排表');
    expect(second.text).toBe('2．全县防汛应急物资储备情况表');
    // An empty line before it (7.3.5).
    expect(ps[i - 1]!.text).toBe('');
    // Both items' later lines start at the same place; the first line of the first starts two characters in (the body's indent), 2． three characters (附件：) further.
    expect(first.ind.left).toBeGreaterThan(0);
    expect(second.ind.left).toBe(first.ind.left);
    expect(first.ind.left! - first.ind.hanging!).toBe(630);
    expect(second.ind.left! - second.ind.hanging!).toBe(630 + 3 * 315);
  });
});

describe('gongwen .docx: the markings (marking: in the front matter)', () => {
  let out: string;
  beforeAll(async () => {
    out = await scratchDir('docx-markings');
    const text = (await readFile(FIXTURE, 'utf8')).replace('date: 2024-04-18\n', `date: 2024-04-18\n${MARKING}`);
    await writeFile(path.join(out, 'marked.md'), text);
    const r = await runCli(['build', '-m', path.join(out, 'marked.md'), '-o', path.join(out, 'dist'), '--only', 'docx', '--layout', 'gongwen', '--split', '--force']);
    expect(r.exitCode, r.stderr).toBe(0);
  }, 60_000);

  it('copies: 3 writes three numbered files of each document, 份号 000001–000003 on the first line, 秘密★1年 on the second (3号黑体), the title on the third', async () => {
    const files = (await readdir(path.join(out, 'dist'))).filter((f) => f.endsWith('.docx')).sort();
    expect(files.filter((f) => f.startsWith('book'))).toEqual(['book-000001.docx', 'book-000002.docx', 'book-000003.docx']);
    expect(files.filter((f) => /^01-.*-00000\d\.docx$/.test(f))).toHaveLength(3);
    expect(files).toHaveLength(9);
    for (const f of files) {
      const copy = /-(\d{6})\.docx$/.exec(f)![1]!;
      const p = await parts(path.join(out, 'dist', f));
      const ps = paragraphs(p.get('word/document.xml')!);
      const hei = styleNamed(p.get('word/styles.xml')!, '份号')!;
      expect(hei, `${f}: a style named 份号`).toBeDefined();
      expect(hei.xml).toContain('w:eastAsia="黑体"');
      expect(hei.xml).toContain('<w:sz w:val="32"/>');
      expect(ps[0]).toMatchObject({ text: copy, style: hei.id, faces: ['黑体'] });
      expect(ps[1]).toMatchObject({ text: '秘密★1年', faces: ['黑体'] });
      expect(ps[1]!.style).toBe(styleNamed(p.get('word/styles.xml')!, '密级')!.id);
      expect(ps[2]!.style).toBe('GongwenTitle');
      // Every speech of the book opens with its markings, as the PDF's do.
      const titles = ps.filter((x) => x.style === 'GongwenTitle' && !/全县防汛抗旱重点|应急物资/.test(x.text));
      for (const t of titles) {
        const i = ps.indexOf(t);
        expect(ps[i - 2]!.text).toBe(copy);
        expect(ps[i - 1]!.text).toBe('秘密★1年');
        expect(ps[i - 2]!.pageBreak).toBe(i - 2 > 0);
        expect(t.pageBreak).toBe(false);
      }
    }
  });

  it('the notice is in the header of every page (odd and even), light, 4号黑体; never in the body', async () => {
    const p = await parts(path.join(out, 'dist', 'book-000001.docx'));
    const doc = p.get('word/document.xml')!;
    expect(doc).not.toContain('内部资料');
    expect(doc).toMatch(/<w:headerReference w:type="default"/);
    expect(doc).toMatch(/<w:headerReference w:type="even"/);
    const headers = [...p].filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => x);
    expect(headers).toHaveLength(2);
    for (const h of headers) {
      expect(paragraphs(h).map((x) => x.text)).toEqual(['内部资料　注意保存']);
      expect(h).toContain('<w:jc w:val="center"/>');
      expect(h).toContain('w:eastAsia="黑体"');
      expect(h).toContain('<w:sz w:val="28"/>');
      expect(h).toMatch(/<w:color w:val="737373"\/>/);
    }
  });

  it('without marking: no header, no 份号, book.docx as always', async () => {
    const plain = await scratchDir('docx-markings-none');
    const r = await runCli(['build', '-m', FIXTURE, '-o', plain, '--only', 'docx', '--layout', 'gongwen', '--force']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await readdir(plain)).filter((f) => f.endsWith('.docx'))).toEqual(['book.docx']);
    const p = await parts(path.join(plain, 'book.docx'));
    expect([...p.keys()].filter((n) => n.includes('header'))).toEqual([]);
    expect(paragraphs(p.get('word/document.xml')!)[0]!.style).toBe('GongwenTitle');
  });
});

import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { gongwenLevel, FACE } from '../../../../src/emit/docx/look.js';
import { textRuns } from '../../../../src/emit/docx/runs.js';
import { coreXml, fontTableXml, reproducibleZip } from '../../../../src/emit/docx/package.js';

async function runsXml(text: string): Promise<string> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ children: textRuns(text, { eastAsia: FACE.fang, latin: FACE.latin }) })] }] });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  return zip.file('word/document.xml')!.async('string');
}

describe('docx emitter pieces', () => {
  it('levels by numbered form first, then by depth', () => {
    expect(gongwenLevel('一、加快打造京津冀创新共同体', 2)).toBe(1);
    expect(gongwenLevel('（一）完善区域协同创新体系', 2)).toBe(2);
    expect(gongwenLevel('1. 健全人才引进机制', 2)).toBe(3);
    expect(gongwenLevel('（1）人才', 2)).toBe(4);
    expect(gongwenLevel('没有序号的小标题', 3)).toBe(2);
    expect(gongwenLevel('没有序号的小标题', 6)).toBe(4);
  });

  it('every run names the East Asian face; curly quotes get runs of their own marked East Asian', async () => {
    const xml = await runsXml('完善创新文化“软环境”，GDP占1/10');
    const runs = [...xml.matchAll(/<w:r>.*?<\/w:r>/g)].map((m) => m[0]);
    expect(runs.map((r) => /<w:t[^>]*>([^<]*)</.exec(r)![1])).toEqual(['完善创新文化', '“', '软环境', '”', '，GDP占1/10']);
    for (const r of runs) expect(r).toContain('w:eastAsia="仿宋_GB2312"');
    for (const r of runs) expect(r).toContain('w:ascii="Times New Roman"');
    expect(runs.filter((r) => r.includes('w:hint="eastAsia"')).map((r) => /<w:t[^>]*>([^<]*)</.exec(r)![1])).toEqual(['“', '”']);
  });

  it('the font table names the office faces, 仿宋 and 楷体 as alternatives, and embeds nothing', () => {
    const xml = fontTableXml();
    expect(xml).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(xml).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    for (const f of ['方正小标宋简体', '黑体', '宋体', 'Times New Roman']) expect(xml).toContain(`<w:font w:name="${f}">`);
    expect(xml).not.toMatch(/embed/i);
  });

  it('core.xml carries the build date, not the clock', () => {
    const xml = coreXml({ title: '讲话 & 致辞', lang: 'zh-Hans' }, new Date('2018-07-26T00:00:00Z'));
    expect(xml).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2018-07-26T00:00:00Z</dcterms:created>');
    expect(xml).toContain('<dc:title>讲话 &amp; 致辞</dc:title>');
  });

  it('zips the same parts to the same bytes whatever the clock said when the library packed them', async () => {
    const date = new Date('2018-07-26T00:00:00Z');
    const pack = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('同')] }] }), false, [{ path: 'docProps/core.xml', data: coreXml({ title: 't', lang: 'zh' }, date) }]);
    const a = await pack();
    await new Promise((r) => setTimeout(r, 2100));
    const b = await pack();
    // The library alone dates every zip entry with the clock.
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    const [x, y] = await Promise.all([reproducibleZip(a, date), reproducibleZip(b, date)]);
    expect(Buffer.from(x).equals(Buffer.from(y))).toBe(true);
    const names = Object.keys((await JSZip.loadAsync(x)).files);
    expect(names[0]).toBe('[Content_Types].xml');
  });
});

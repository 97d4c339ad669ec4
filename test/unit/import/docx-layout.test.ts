import { describe, expect, it } from 'vitest';
import { docxParagraphs } from '../../../src/import/docx-layout.js';
import { writeZip } from '../../zip-write.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string) => writeZip([{ name: 'word/document.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`) }]);
const para = (text: string, extra = '') => `<w:p><w:pPr>${extra}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe('docxParagraphs: linear in the size of document.xml', () => {
  it('reads layout past 30,000 unclosed <w:tbl> in well under a second (a lazy regex made it quadratic)', { timeout: 60_000 }, async () => {
    const bytes = docx(`${para('标题', '<w:jc w:val="center"/>')}${'<w:tbl>'.repeat(30_000)}${para('正文。')}`);
    const t0 = performance.now();
    const out = await docxParagraphs(bytes, 'tbl.docx');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(out[0]).toEqual({ key: '标题', centred: true });
  });

  it('takes the largest of 300,000 run sizes without spreading them into a call (the stack overflowed)', { timeout: 30_000 }, async () => {
    // Varied sizes and characters, so the part compresses as real text does (not past the 100:1 bomb ratio).
    const sizes = Array.from({ length: 300_000 }, (_, i) => `<w:r><w:rPr><w:sz w:val="${20 + ((i * 7919) % 23)}"/></w:rPr><w:t>${String.fromCodePoint(0x4e00 + ((i * 104729) % 20000))}</w:t></w:r>`).join('');
    const bytes = docx(`<w:p><w:r><w:rPr><w:sz w:val="44"/></w:rPr><w:t>大</w:t></w:r>${sizes}</w:p>`);
    const [p] = await docxParagraphs(bytes, 'sizes.docx');
    expect(p!.size).toBe(22);
    expect(p!.key.length).toBe(300_001);
  });

  it('reads what the regex read: centred title, sizes, outline level, table paragraphs left out, entities decoded', async () => {
    const body = [
      `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="44"/></w:rPr><w:t>筑梦 &amp; 京津冀</w:t></w:r></w:p>`,
      `<w:tbl><w:tr><w:tc>${para('表格里')}</w:tc></w:tr></w:tbl>`,
      `<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t xml:space="preserve">一、 总体</w:t></w:r><w:r><w:rPr><w:jc w:val="center"/></w:rPr><w:t>要求</w:t></w:r></w:p>`,
      `<w:p/>`,
    ].join('');
    expect(await docxParagraphs(docx(body), 'x.docx')).toEqual([
      { key: '筑梦&京津冀', centred: true, size: 22 },
      { key: '一、总体要求', centred: false, outline: 1 },
    ]);
  });
});

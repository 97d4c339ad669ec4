import { describe, expect, it } from 'vitest';
import { renumberDrawings } from '../../../../src/emit/docx/package.js';

describe('renumberDrawings', () => {
  it('numbers a document’s pictures 1, 2, 3 in order, whatever the library counted before', () => {
    const xml = '<w:p><wp:docPr id="7" name="甲" descr="甲"/></w:p><w:p><wp:docPr id="8" name="乙"/></w:p><w:p><wp:docPr id="12" name="丙"/></w:p>';
    expect(renumberDrawings(xml)).toBe('<w:p><wp:docPr id="1" name="甲" descr="甲"/></w:p><w:p><wp:docPr id="2" name="乙"/></w:p><w:p><wp:docPr id="3" name="丙"/></w:p>');
  });

  it('leaves a document without pictures, and the pictures’ own ids (pic:cNvPr), as they are', () => {
    const xml = '<w:p><w:r><w:t>没有图片</w:t></w:r></w:p><pic:cNvPr id="0" name=""/>';
    expect(renumberDrawings(xml)).toBe(xml);
  });
});

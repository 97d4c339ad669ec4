import { describe, expect, it } from 'vitest';
import { stampPdfDates } from '../../../../src/emit/deck/pdf-dates.js';

describe('stampPdfDates: a printed PDF dated by the build, not the clock', () => {
  it('rewrites the Info dates Chromium stamps, in place and at the same length', () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<</Creator (Chromium)\n/CreationDate (D:20261208012714+00'00')\n/ModDate (D:20261208012715+00'00')>>\nendobj\n", 'latin1');
    const out = stampPdfDates(pdf, new Date(Date.UTC(2018, 6, 26, 0, 0, 0)));
    expect(out.length).toBe(pdf.length);
    expect(out.toString('latin1')).toBe("%PDF-1.4\n1 0 obj\n<</Creator (Chromium)\n/CreationDate (D:20180726000000+00'00')\n/ModDate (D:20180726000000+00'00')>>\nendobj\n");
  });

  it('leaves a PDF whose dates it does not recognise as it is', () => {
    const pdf = Buffer.from('%PDF-1.4\n<</CreationDate (D:2026)>>\n', 'latin1');
    expect(stampPdfDates(pdf, new Date(0)).equals(pdf)).toBe(true);
  });
});

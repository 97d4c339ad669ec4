/** 份号 (GB/T 9704 7.2.1): six Arabic digits, 000001 for the first copy; the PDF and the .docx number their copies alike. Pure. */
export function copyNumber(i: number): string {
  return String(i).padStart(6, '0');
}

import { z } from 'zod';
import { option } from './option.js';

/** The .docx's options (it follows the PDF's --layout and --split). */
export const DOCX = {
  docx: option({
    flag: { name: 'docx' },
    schema: z.boolean(),
    default: false,
    help: 'also write book.docx for Word/WPS: with --layout gongwen GB/T 9704\nhandouts (28 × 22 grid, office font names), with --split one per speech',
    keys: [],
    adds: 'docx',
  }),
};

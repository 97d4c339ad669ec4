import { z } from 'zod';
import { option } from './option.js';

/** The EPUB's options. */
export const EPUB = {
  embedFonts: option({
    flag: { name: 'no-embed-fonts', sets: false },
    config: 'build.embedFonts',
    schema: z.boolean(),
    default: true,
    help: 'do not embed subset fonts in the EPUB',
    keys: ['epub'],
  }),
};

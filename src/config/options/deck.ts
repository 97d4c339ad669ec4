import { z } from 'zod';
import { xmlSafe } from '../atoms.js';
import { PPTX_FONTS, type PptxFonts } from '../../formats.js';
import { option } from './option.js';

/** What the talk is planned from: the HTML deck, its PDFs and the PPTX all show the same slides. */
const TALK = ['deck', 'deck-pdf', 'pptx'] as const;

/** The deck's options: the HTML deck, its handout PDFs and the PPTX. */
export const DECK = {
  deckPdf: option({
    flag: { name: 'deck-pdf' },
    config: 'build.deckPdf',
    schema: z.boolean(),
    default: false,
    help: 'also print deck.pdf and deck-notes.pdf with Chromium\n(the same as adding deck-pdf to the formats)',
    keys: [],
    adds: 'deck-pdf',
  }),
  pptx: option({
    flag: { name: 'pptx' },
    config: 'build.pptx',
    schema: z.boolean(),
    default: false,
    help: 'also write deck.pptx, the deck for PowerPoint/WPS, with\nspeaker notes (the same as adding pptx to the formats)',
    keys: [],
    adds: 'pptx',
  }),
  singleFile: option({
    flag: { name: 'single-file' },
    config: 'build.singleFile',
    schema: z.boolean(),
    default: false,
    help: 'also write deck.html with CSS and JS inlined',
    keys: ['deck'],
  }),
  charsPerMinute: option({
    config: 'deck.charsPerMinute',
    schema: z.number().int().min(60).max(1000),
    // An unhurried Chinese talk.
    default: 220,
    help: 'characters of notes the speaker reads per minute',
    keys: TALK,
  }),
  minutes: option({
    config: 'deck.minutes',
    schema: z.number().positive().max(600),
    default: undefined,
    help: 'fit the talk to this many minutes by dropping the\nlowest-scoring key points',
    keys: TALK,
  }),
  pptxFonts: option({
    config: 'deck.pptxFonts',
    schema: z.enum(PPTX_FONTS as [PptxFonts, ...PptxFonts[]]),
    default: 'venue',
    help: "the PPTX's theme faces: venue (faces a stock Windows/WPS\nPC has, the default) or noto",
    keys: ['pptx'],
  }),
  handoutUrl: option({
    config: 'deck.handoutUrl',
    schema: xmlSafe(z.string().trim()).refine((u) => /^https?:\/\/[^\s/]+/.test(u) && URL.canParse(u), 'use an http:// or https:// address, e.g. https://example.org/speeches.pdf'),
    default: undefined,
    help: "the full text's address: the closing slide shows\n扫码获取讲话全文 and a QR code of it",
    keys: TALK,
  }),
};

import type { Rule } from '../rule.js';
import { balancedPairs } from './balanced-pairs.js';
import { builtEpub } from './built-epub.js';
import { builtPptx } from './built-pptx.js';
import { chineseEllipsis } from './chinese-ellipsis.js';
import { deepHeading } from './deep-heading.js';
import { doubledPunctuation } from './doubled-punctuation.js';
import { docxFaces } from './docx-faces.js';
import { enumeratorOrder } from './enumerator-order.js';
import { epubRendering } from './epub-rendering.js';
import { fontCoverage } from './font-coverage.js';
import { gongwenFaces } from './gongwen-faces.js';
import { halfwidthPunctuation } from './halfwidth-punctuation.js';
import { rawHtml } from './raw-html.js';
import { spaceBetweenHan } from './space-between-han.js';
import { speechAsks } from './speech-asks.js';
import { speechAttribution } from './speech-attribution.js';
import { speechParagraphs } from './speech-paragraphs.js';
import { speechProposals } from './speech-proposals.js';
import { speechTitle } from './speech-title.js';
import { straightQuotes } from './straight-quotes.js';
import { strikeout } from './strikeout.js';
import { venueFaces } from './venue-faces.js';
import { wechatLimits } from './wechat-limits.js';

/** Every rule `bookdeck check` runs, the manuscript's first, then the built outputs'. */
export const RULES: readonly Rule[] = [
  speechTitle,
  speechAttribution,
  speechParagraphs,
  speechProposals,
  speechAsks,
  halfwidthPunctuation,
  doubledPunctuation,
  enumeratorOrder,
  chineseEllipsis,
  spaceBetweenHan,
  straightQuotes,
  balancedPairs,
  rawHtml,
  strikeout,
  deepHeading,
  epubRendering,
  fontCoverage,
  gongwenFaces,
  builtEpub,
  builtPptx,
  venueFaces,
  wechatLimits,
  docxFaces,
];

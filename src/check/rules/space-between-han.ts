import type { Rule } from '../rule.js';
import { placeIn, proseBlocks } from '../prose.js';
import { HAN } from '../../text/chars.js';
import { FULL_STOPS, PAUSES } from '../../text/punctuation.js';

/** A space typed after a Han character or closing punctuation, before a Han character or opening punctuation. */
const SPACE = new RegExp(`(?<=${HAN}|[${FULL_STOPS}${PAUSES}）》”])[ \\t]+(?=${HAN}|[（《“])`, 'gu');
/** `第一条 `, `第一章 `, `第二节 `: a statute's or a rule's numbered part, which is set apart from its text by a space. */
const NUMBERED = /第[〇零一二三四五六七八九十百千两\d]+[条章节款项编篇部卷回]$/u;
/** `1982年12月4日 第五届全国人民代表大会……通过`: a date set apart from the event it dates. */
const DATED = /[\d〇零一二三四五六七八九十]{2,4}年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$/u;
/** A line this short with no sentence punctuation is a label (a byline, a signature, a padded name): its spaces are layout. */
const LABEL_CHARS = 12;
const SENTENCE = new RegExp(`[${FULL_STOPS}${PAUSES}]`, 'u');

/**
 * P_SPACE (info): a lone space between Chinese characters, which may be a slip. Every output
 * keeps it as typed (rule 2 of the typesetting guide), so it is never a warning, and known
 * separators are never reported: `第X条/章/节 `, a date before its event, any heading (a two-part title), a short label
 * line (`县长 张文斌`, `编 者`, `刘 强` in a cell). U+3000 is always the author's and never matched.
 */
export const spaceBetweenHan: Rule = {
  name: 'space-between-han',
  check({ files }, report) {
    for (const f of files) {
      proseBlocks(f.tree, (texts, block) => {
        if (block.type === 'heading') return;
        for (const t of texts) {
          for (const m of t.value.matchAll(SPACE)) {
            const at = m.index!;
            const before = t.value.slice(0, at);
            if (NUMBERED.test(before) || DATED.test(before) || isLabel(lineAround(t.value, at))) continue;
            report('P_SPACE', 'info', 'a space between Chinese characters; every output keeps it as typed (delete it if it is a slip)', placeIn(t, at, f.path));
          }
        }
      });
    }
  },
};

/** The source line of `text` that holds character `at`. */
function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end === -1 ? undefined : end);
}

function isLabel(line: string): boolean {
  return [...line.replace(/\s/gu, '')].length <= LABEL_CHARS && !SENTENCE.test(line);
}

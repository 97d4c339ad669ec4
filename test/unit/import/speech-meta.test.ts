import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { importedSpeechMeta } from '../../../src/import/speech-meta.js';
import { parseSource } from '../../../src/manuscript/parse.js';

const body = (md: string): RootContent[] => parseSource({ path: 'm.md', text: md, notices: [] }).tree.children;

describe('importedSpeechMeta', () => {
  it('reads the speaker, date and occasion of the byline, and the source of the closing 摘自 line', () => {
    const meta = importedSpeechMeta(body(['——在全县防汛工作会议上的讲话', '', '县长　张三', '', '（2024年4月18日）', '', '同志们：', '', '（摘自《县政府公报》2024年第5期）', ''].join('\n')));
    expect(meta).toMatchObject({ speaker: '张三', date: '2024-04-18', source: '《县政府公报》2024年第5期' });
    expect(meta.occasion).toContain('全县防汛工作会议');
  });

  it('has no source when the text does not close with one', () => {
    const meta = importedSpeechMeta(body('（2024年4月18日）\n\n同志们：\n\n要落实。\n'));
    expect(meta).toEqual({ date: '2024-04-18' });
  });

  it('reads nothing from a text without a byline', () => {
    expect(importedSpeechMeta(body('同志们：\n\n要落实。\n'))).toEqual({});
  });
});

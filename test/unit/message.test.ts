import { describe, expect, it } from 'vitest';
import { createMessage, formatMessage, messageJson, severityOf, sortMessages } from '../../src/message.js';

describe('one message type', () => {
  it('keeps severity in vfile’s fatal: true, false, undefined', () => {
    const [e, w, i] = (['error', 'warning', 'info'] as const).map((severity) => createMessage('X', 'x', { severity }));
    expect([e!.fatal, w!.fatal, i!.fatal]).toEqual([true, false, undefined]);
    expect([e, w, i].map((m) => severityOf(m!))).toEqual(['error', 'warning', 'info']);
  });

  it('prints file:line:column: severity CODE: message, dropping what is unknown', () => {
    expect(formatMessage(createMessage('P_SPACE', 'space', { severity: 'warning', place: { file: 'a.md', line: 2, column: 5 } }))).toBe('a.md:2:5: warning P_SPACE: space');
    expect(formatMessage(createMessage('S_X', 'no line', { severity: 'info', place: { file: 'a.md' } }))).toBe('a.md: info S_X: no line');
    expect(formatMessage(createMessage('W_T', 'nowhere', { severity: 'warning', hint: 'do this' }))).toBe('bookdeck: warning W_T: nowhere\n  hint: do this');
  });

  it('serializes to one JSON shape, null for what is unknown', () => {
    expect(messageJson(createMessage('EPUBCHECK_RSC-005', 'bad', { severity: 'error', place: { file: 'b.epub' }, source: 'epubcheck' }))).toEqual({
      file: 'b.epub', line: null, column: null, severity: 'error', code: 'EPUBCHECK_RSC-005', message: 'bad', source: 'epubcheck',
    });
  });

  it('sorts by file, line, column, keeping the order of equal places', () => {
    const at = (code: string, file: string, line?: number, column?: number) => createMessage(code, code, { severity: 'warning', place: { file, ...(line ? { line } : {}), ...(column ? { column } : {}) } });
    const sorted = sortMessages([at('d', 'b.md', 1), at('c', 'a.md', 3, 2), at('a', 'a.md', 3, 1), at('b', 'a.md', 3, 1), at('e', 'a.md')]);
    expect(sorted.map((m) => m.ruleId)).toEqual(['e', 'a', 'b', 'c', 'd']);
  });
});

import { describe, expect, it } from 'vitest';
import { BookdeckError } from '../../../src/errors.js';
import { refuseDeepNesting } from '../../../src/model/nesting.js';

function refusal(text: string): { code: string; message: string; line: number | undefined } | undefined {
  try {
    refuseDeepNesting(text, 'm.md');
    return undefined;
  } catch (err) {
    if (!(err instanceof BookdeckError)) throw err;
    return { code: err.code, message: err.message, line: err.line ?? undefined };
  }
}

describe('refuseDeepNesting', () => {
  it('lets a quote nested ten deep and a three-level list through', () => {
    expect(refusal(`${'> '.repeat(10)}引文\n\n- 一\n  - 二\n    - 三\n`)).toBeUndefined();
  });

  it('refuses 33 quote marks on one line, at that line', () => {
    expect(refusal(`# 标题\n\n${'> '.repeat(33)}引文\n`)).toEqual({ code: 'E_TOO_DEEP', message: 'quotes and lists nested more than 32 deep on one line', line: 3 });
  });

  it('allows exactly 32 nested list markers', () => {
    expect(refusal(`${'- '.repeat(32)}项\n`)).toBeUndefined();
    expect(refusal(`${'- '.repeat(33)}项\n`)?.code).toBe('E_TOO_DEEP');
  });

  it('a *** thematic break is no list, and a fenced block is not read at all', () => {
    expect(refusal('* * *\n')).toBeUndefined();
    expect(refusal(`\`\`\`\n${'> '.repeat(100)}\n${'*'.repeat(2000)}\n\`\`\`\n正文\n`)).toBeUndefined();
  });

  it('counts emphasis marks across one paragraph, and a blank line starts the count afresh', () => {
    const half = `${'字*'.repeat(600)}\n`; // not a *** rule: text between the marks
    expect(refusal(half + half)).toEqual({ code: 'E_TOO_DEEP', message: 'more than 1,000 emphasis marks (* _ ~) in one paragraph', line: 2 });
    expect(refusal(`${half}\n${half}`)).toBeUndefined();
  });

  it('does not count escaped asterisks \\*', () => {
    expect(refusal('\\*'.repeat(1500))).toBeUndefined();
  });

  it('refuses more than 200 ![ in one paragraph', () => {
    expect(refusal('![a]'.repeat(201))?.message).toBe('more than 200 images (![) in one paragraph');
    expect(refusal('![a]'.repeat(200))).toBeUndefined();
  });
});

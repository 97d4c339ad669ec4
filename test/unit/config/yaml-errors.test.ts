import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BookdeckError } from '../../../src/errors.js';
import { parseYamlWith } from '../../../src/config/yaml-errors.js';

const SCHEMA = z
  .object({
    title: z.string(),
    build: z.object({ tocDepth: z.number().int().min(1).max(4), bleed: z.string() }).strict().partial().optional(),
  })
  .strict();

/** The error a YAML text gives, as code, message, line and hint; the YAML sits from line 2 of `book.md` (after `---`). */
function fail(text: string): { code: string; message: string; line: number | undefined; hint: string | undefined } {
  try {
    parseYamlWith({ file: 'book.md', text, firstLine: 2, what: 'front matter' }, SCHEMA);
  } catch (err) {
    if (!(err instanceof BookdeckError)) throw err;
    return { code: err.code, message: err.message, line: err.line ?? undefined, hint: err.note ?? undefined };
  }
  throw new Error('no error');
}

describe('parseYamlWith', () => {
  it('returns the data, defaults under what is written', () => {
    expect(parseYamlWith({ file: 'b.yaml', text: 'build:\n  tocDepth: 3\n', firstLine: 1, what: 'config' }, SCHEMA, { title: '默认书名' })).toEqual({
      title: '默认书名',
      build: { tocDepth: 3 },
    });
  });

  it('names an unknown key at its own line, with the keys known there', () => {
    expect(fail('title: 书名\nbuild:\n  tocDepht: 3\n')).toEqual({
      code: 'E_CONFIG',
      message: "unknown key 'build.tocDepht' in front matter",
      line: 4,
      hint: 'known keys here: tocDepth, bleed',
    });
  });

  it('names a missing title and says how to add it', () => {
    expect(fail('build:\n  tocDepth: 2\n')).toMatchObject({ code: 'E_CONFIG', message: "front matter is missing 'title'", line: 2, hint: 'add `title: 书名`' });
  });

  it('names a value out of range at the line of its key', () => {
    const e = fail('title: 书名\n\nbuild:\n  bleed: 3mm\n  tocDepth: 9\n');
    expect(e).toMatchObject({ code: 'E_CONFIG', line: 6 });
    expect(e.message).toMatch(/^front matter 'build\.tocDepth': /);
  });

  it('broken YAML is E_YAML at the line it breaks', () => {
    expect(fail('title: 书名\nbuild: a: b\ndate: 2024-01-01\n')).toMatchObject({ code: 'E_YAML', line: 3 });
  });

  it('a duplicated key is broken YAML', () => {
    expect(fail('title: 甲\ntitle: 乙\n').code).toBe('E_YAML');
  });

  it('a list where a mapping belongs is E_CONFIG at the first line', () => {
    expect(fail('- title\n- date\n')).toMatchObject({ code: 'E_CONFIG', message: 'front matter must be a mapping of keys to values', line: 2 });
  });

  it('refuses aliases that expand too far (a billion laughs)', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(',')}]`), 'title: *h', ''].join('\n');
    expect(fail(bomb)).toMatchObject({ code: 'E_YAML', hint: 'write the values out instead of using anchors (&a) and aliases (*a)' });
  });
});

import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../src/config/front-matter.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { BookdeckError } from '../../../src/errors.js';

function fm(text: string) {
  return readFrontMatter(parseSource({ path: 'm.md', text, notices: [] }).tree, 'm.md');
}
function error(text: string): BookdeckError {
  try {
    fm(text);
  } catch (e) {
    if (e instanceof BookdeckError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('front matter', () => {
  it('reads the metadata with defaults', () => {
    expect(fm('---\ntitle: 书\ndate: 2018-07-26\n---\n# 一\n')).toEqual({ title: '书', date: '2018-07-26', lang: 'zh-Hans' });
  });

  it('names the line of broken YAML', () => {
    const e = error('---\ntitle: 书\ndate: [2018\n---\n');
    expect(e.code).toBe('E_YAML');
    expect(e.location).toMatchObject({ file: 'm.md' });
    expect(e.location?.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses front matter that is not a mapping', () => {
    const e = error('---\n- a\n- b\n---\n');
    expect(e.code).toBe('E_CONFIG');
    expect(e.message).toBe('front matter must be a mapping of keys to values');
  });

  it('names a missing title, an unknown key and a bad date with its line', () => {
    expect(error('---\ndate: 2018-07-26\n---\n').message).toBe("front matter is missing 'title'");
    const unknown = error('---\ntitle: 书\ndate: 2018-07-26\ntilte: x\n---\n');
    expect(unknown.message).toBe("unknown key 'tilte' in front matter");
    expect(unknown.hint).toMatch(/known keys here: title, subtitle, lang, date/);
    expect(unknown.location?.line).toBe(4);
    const date = error('---\ntitle: 书\ndate: 26/7/2018\n---\n');
    expect(date.message).toMatch(/'date'/);
    expect(date.location?.line).toBe(3);
  });

  it('takes metadata defaults from a config file, front matter winning', () => {
    const tree = parseSource({ path: 'm.md', text: '---\ntitle: 书\n---\n', notices: [] }).tree;
    expect(readFrontMatter(tree, 'm.md', { date: '2020-01-01', title: '别的', publisher: '社' })).toEqual({
      title: '书', date: '2020-01-01', publisher: '社', lang: 'zh-Hans',
    });
  });

  it('names the key missing from front matter and config together, not one the config supplies', () => {
    const tree = parseSource({ path: 'm.md', text: '---\npublisher: 社\n---\n', notices: [] }).tree;
    let e: unknown;
    try {
      readFrontMatter(tree, 'm.md', { title: '书' });
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(BookdeckError);
    expect((e as BookdeckError).message).toBe("front matter is missing 'date'");
    expect((e as BookdeckError).location).toMatchObject({ file: 'm.md', line: 2 });
    // A bad value in the front matter is still found at its line, config or not.
    const bad = parseSource({ path: 'm.md', text: '---\npublisher: 社\ndate: 26/7/2018\n---\n', notices: [] }).tree;
    try {
      readFrontMatter(bad, 'm.md', { title: '书' });
    } catch (err) {
      e = err;
    }
    expect((e as BookdeckError).message).toMatch(/'date'/);
    expect((e as BookdeckError).location?.line).toBe(3);
  });

  it('requires front matter', () => {
    expect(error('# 一\n').code).toBe('E_NO_FRONT_MATTER');
  });
});

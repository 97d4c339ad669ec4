import { describe, expect, it } from 'vitest';
import { readFrontMatter, readMeta } from '../../../src/config/front-matter.js';
import { splitTitleBlock } from '../../../src/config/title-block.js';
import { parseDate as isoFromWritten } from '../../../src/text/dates.js';
import { plainText } from '../../../src/model/text.js';
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

  it('names an unknown key and a bad date with its line', () => {
    const unknown = error('---\ntitle: 书\ndate: 2018-07-26\ntilte: x\n---\n');
    expect(unknown.message).toBe("unknown key 'tilte' in front matter: did you mean 'title'?");
    expect(unknown.hint).toMatch(/known keys here: title, subtitle, lang, date/);
    expect(unknown.location?.line).toBe(4);
    const date = error('---\ntitle: 书\ndate: 26/7/2018\n---\n');
    expect(date.message).toMatch(/'date'/);
    expect(date.location?.line).toBe(3);
  });

  it("warns once about other tools' keys (VitePress, Hugo, Jekyll, pandoc), listing them, and ignores them", () => {
    const tree = parseSource({ path: 'm.md', text: '---\ntitle: 书\nvolume: 二心集\nlayout: post\ntags: [a, b]\nsignature: true\n---\n# 一\n', notices: [] }).tree;
    const { meta, warnings } = readMeta(tree, 'm.md');
    expect(meta).toEqual({ title: '书', lang: 'zh-Hans' });
    expect(warnings.map((w) => [w.ruleId, w.fatal, w.file, w.line, w.message])).toEqual([
      ['M_FRONT_MATTER_UNKNOWN', false, 'm.md', 3, "front matter keys 'volume', 'layout', 'tags', 'signature' are not bookdeck's, so they are ignored"],
    ]);
  });

  it("refuses a near miss of a known key (Damerau distance ≤ 2, ≤ 1 for short keys), saying which key was meant", () => {
    const misses = [['titel', 'title'], ['data', 'date'], ['Title', 'title'], ['auther', 'author'], ['keyword', 'keywords'], ['subtitel', 'subtitle'], ['publsher', 'publisher'], ['speakr', 'speaker'], ['ocasion', 'occasion'], ['lnag', 'lang']];
    for (const [key, meant] of misses) {
      const e = error(`---\ntitle: 书\n${key}: x\n---\n`);
      expect([e.code, e.message, e.location?.line], key).toEqual(['E_CONFIG', `unknown key '${key}' in front matter: did you mean '${meant}'?`, 3]);
    }
    // Short keys of other tools are two edits from ours (tags/lang, name/date): not near misses.
    for (const key of ['tags', 'name', 'type', 'slug', 'id', 'toc', 'layout', 'volume', 'draft', 'weight']) {
      const tree = parseSource({ path: 'm.md', text: `---\ntitle: 书\n${key}: x\n---\n`, notices: [] }).tree;
      expect(readMeta(tree, 'm.md').warnings.map((w) => w.ruleId), key).toEqual(['M_FRONT_MATTER_UNKNOWN']);
    }
  });

  it('takes metadata defaults from a config file, front matter winning', () => {
    const tree = parseSource({ path: 'm.md', text: '---\ntitle: 书\n---\n', notices: [] }).tree;
    expect(readFrontMatter(tree, 'm.md', { date: '2020-01-01', title: '别的', publisher: '社' })).toEqual({
      title: '书', date: '2020-01-01', publisher: '社', lang: 'zh-Hans',
    });
  });

  it('finds a bad value in the front matter at its line, config or not', () => {
    const bad = parseSource({ path: 'm.md', text: '---\npublisher: 社\ndate: 26/7/2018\n---\n', notices: [] }).tree;
    let e: unknown;
    try {
      readFrontMatter(bad, 'm.md', { title: '书' });
    } catch (err) {
      e = err;
    }
    expect((e as BookdeckError).message).toMatch(/'date'/);
    expect((e as BookdeckError).location?.line).toBe(3);
  });

  it('builds without front matter: the title from a pandoc title block, the config, the first H1 or the file name', () => {
    const read = (text: string, defaults = {}) => {
      const { block, text: rest } = splitTitleBlock(text);
      const file = parseSource({ path: 'dir/讲话稿.md', text: rest, notices: [] });
      const h1 = file.tree.children.find((n) => n.type === 'heading');
      return readMeta(file.tree, 'dir/讲话稿.md', { defaults, ...(block ? { titleBlock: block } : {}), ...(h1 ? { firstH1: plainText(h1) } : {}) });
    };
    const tb = read('% 论坛文集\n% 张三; 李四\n% 2018年7月26日\n\n# 一\n');
    expect(tb).toEqual({ meta: { title: '论坛文集', author: '张三、李四', date: '2018-07-26', lang: 'zh-Hans' }, warnings: [] });
    expect(read('# 一\n', { title: '配置书名', date: '2020-01-01' }).meta).toMatchObject({ title: '配置书名', date: '2020-01-01' });
    const h1 = read('前言。\n\n# 第一篇\n');
    expect(h1.meta.title).toBe('第一篇');
    expect(h1.warnings.map((w) => w.ruleId)).toEqual(['M_NO_TITLE']);
    expect(h1.warnings[0]!.message).toMatch(/the first # heading is used: 《第一篇》; set one with `title:`/);
    const named = read('只有正文。\n');
    expect(named.meta.title).toBe('讲话稿');
    expect(named.warnings[0]!.message).toMatch(/the file name is used/);
    const undated = read('% 书\n%\n% June 2018\n\n正文。\n');
    expect(undated.meta).toEqual({ title: '书', lang: 'zh-Hans' });
    expect(undated.warnings).toMatchObject([{ ruleId: 'M_DATE', line: 3, fatal: false }]);
  });

  it('splits a pandoc title block off, keeping the line numbers of the text after it', () => {
    const { block, text } = splitTitleBlock('% 书名\n  续行\n% 甲\n  乙\n\n# 一\n');
    expect(block).toMatchObject({ title: '书名 续行', authors: ['甲', '乙'], lines: { title: 1, author: 3 } });
    expect(text).toBe('\n\n\n\n\n# 一\n');
    expect(splitTitleBlock('正文 % 不是\n').block).toBeUndefined();
    expect(isoFromWritten('2018/7/6')).toBe('2018-07-06');
    expect(isoFromWritten('2018年7月')).toBeUndefined();
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';

/** 鲁迅's speech at the founding of the 左联, where CI has it: ../shared beside the clone (never copied into the project). */
const ZUOLIAN = path.resolve(ROOT, '../shared/corpora/realworld/md/luxun-speeches/一九三〇年_对于左翼作家联盟的意见.md');
const KEYNOTE = path.join(ROOT, 'test/fixtures/keypoints/keynote.md');

/** The proposal slides of a built deck: title and key points, in order. */
function proposalSlides(html: string): { title: string; points: string[] }[] {
  return html
    .split('<section')
    .filter((s) => /data-kind="proposal"/.test(s))
    .map((s) => ({
      title: /<h2 class="[^"]*">([^<]*)<\/h2>/.exec(s)![1]!,
      points: [...s.matchAll(/<li class="fragment">([^<]*)<\/li>/g)].map((m) => m[1]!),
    }));
}

describe('asks where speakers put them, end to end (issue 24)', () => {
  it('gives 鲁迅’s 左联 speech a proposal slide for each of its four enumerated asks', async () => {
    const dir = await scratchDir('deck-asks-zuolian');
    const file = path.join(dir, 'm.md');
    // The speech verbatim under a front matter of its title only: its own keys (volume, source) are refused
    // until other tools' front matter builds (issue 23).
    const text = (await readFile(ZUOLIAN, 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '---\ntitle: 对于左翼作家联盟的意见\n---\n');
    await writeFile(file, text);
    const out = path.join(dir, 'out');
    const res = await runCli(['build', '--only', 'deck', '-m', file, '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    const slides = proposalSlides((await readFile(path.join(out, 'deck/index.html'), 'utf8')).replace(/<wbr>/g, ''));
    expect(slides.map((s) => s.title)).toEqual([
      '对于旧社会和旧势力的斗争，必须坚决，持久不断，而且注重实力',
      '我以为战线应该扩大',
      '我们应当造出大群的新的战士',
      '我以为联合战线是以有共同目的为必要条件的',
    ]);
    expect(slides[2]!.points).toContain('但我们今后却必须注意这点');
    for (const s of slides) for (const k of s.points) expect(text).toContain(k);
  });

  it('shows every ask of the forum keynote, bold leads and the unbolded 倡议 alike, no empty divider, and check names the part with no ask', async () => {
    const dir = await scratchDir('deck-asks-keynote');
    const out = path.join(dir, 'out');
    const res = await runCli(['build', '--only', 'deck', '-m', KEYNOTE, '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    // Titles carry <wbr> at their word boundaries; the words are what is checked.
    const html = (await readFile(path.join(out, 'deck/index.html'), 'utf8')).replace(/<wbr>/g, '');
    const slides = proposalSlides(html);
    expect(slides.map((s) => s.title)).toEqual([
      '加快公共数据开放共享',
      '加大中小企业数字化转型支持力度',
      '加强数字人才培养引进',
      '倡议龙头企业带头开放数据',
      '倡议各方共同守护数据安全',
      '倡议高校和科研院所加强产学研合作',
      '倡议社会各界共同弥合数字鸿沟',
    ]);
    const points = slides.flatMap((s) => s.points);
    expect(points.some((k) => k.includes('10类高价值公共数据'))).toBe(true);
    expect(points.some((k) => k.includes('每家最高20万元'))).toBe(true);
    expect(points.some((k) => k.includes('每年培训5000人'))).toBe(true);
    expect(points.filter((k) => /^(?:就|而|并且)|我们测算$/.test(k))).toEqual([]);
    const kinds = [...html.matchAll(/<section[^>]*data-kind="([a-z]+)"/g)].map((m) => m[1]);
    expect(kinds.filter((k, i) => k === 'part' && kinds[i + 1] !== 'proposal' && kinds[i + 1] !== 'context')).toEqual([]);
    expect(html).not.toContain('一、我市数字经济发展的基本态势</h2>');
    const check = await runCli(['check', '-m', KEYNOTE, '-o', dir]);
    expect(check.stdout).toMatch(/keynote\.md:\d+:1: info S_NO_ASKS: speech 1 《让数据要素成为城市发展的新引擎》: no ask in part 一、我市数字经济发展的基本态势 \(line \d+\)/);
  });
});

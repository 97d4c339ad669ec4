import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { readZip, zipTexts } from './epub-zip.js';
import { markupText } from '../typed-spaces.js';

/**
 * One footnote numbering policy for every output: per speech, from 1, in order of first
 * reference (what readers of a collection expect). The fixture has two speeches with two
 * notes each, and a note referenced twice.
 */

const FIXTURE = path.join(ROOT, 'test/fixtures/footnotes/notes.md');

/** In an output's text (whitespace dropped): the number after each referencing phrase, and the number before each note's text. */
function numbers(text: string): Record<string, string | undefined> {
  const flat = text.replace(/\s+/gu, '');
  const after = (s: string) => new RegExp(`${s}(\\d+)`, 'u').exec(flat)?.[1];
  const before = (s: string) => new RegExp(`(\\d+)${s}`, 'u').exec(flat)?.[1];
  const all = {
    甲ref: after('甲项工作要抓紧推进'),
    甲again: after('再提一次甲项'),
    乙ref: after('乙项工作也要跟上'),
    丙ref: after('丙项工作要抓紧推进'),
    丁ref: after('丁项工作也要跟上'),
    注甲: before('注甲：'),
    注乙: before('注乙：'),
    注丙: before('注丙：'),
    注丁: before('注丁：'),
  };
  return Object.fromEntries(Object.entries(all).filter(([, n]) => n !== undefined));
}

const PER_SPEECH = { 甲ref: '1', 甲again: '1', 乙ref: '2', 丙ref: '1', 丁ref: '2', 注甲: '1', 注乙: '2', 注丙: '1', 注丁: '2' };

describe('footnote numbers, per speech, in every output', () => {
  let out: string;

  beforeAll(async () => {
    out = await scratchDir('footnote-numbers');
    const res = await runCli(['build', '-m', FIXTURE, '-o', out, '--only', 'epub,pdf,deck', '--quiet'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(res.exitCode, res.all).toBe(0);
  });

  it('the EPUB numbers each speech from 1', async () => {
    const texts = zipTexts(readZip(await readFile(path.join(out, 'book.epub'))));
    const speech = (n: number) => markupText(texts.get(`OEBPS/s${n}.xhtml`)!);
    expect({ ...numbers(speech(1)), ...numbers(speech(2)) }).toEqual(PER_SPEECH);
  });

  it('the PDF numbers each speech from 1 (pdftotext)', async () => {
    const { stdout } = await execa('pdftotext', ['-enc', 'UTF-8', path.join(out, 'book.pdf'), '-']);
    // The second speech starts on a page of its own, under its title.
    const at = stdout.lastIndexOf('第二篇讲话\n');
    expect(at).toBeGreaterThan(0);
    expect({ ...numbers(stdout.slice(0, at)), ...numbers(stdout.slice(at)) }).toEqual(PER_SPEECH);
  });

  it('the deck shows no note marks (it prints no notes), so it cannot disagree', async () => {
    const deck = markupText(await readFile(path.join(out, 'deck/index.html'), 'utf8'));
    expect(deck).toContain('丙项工作要抓紧推进，丁项工作也要跟上。');
    expect(numbers(deck)).toEqual({});
  });
});

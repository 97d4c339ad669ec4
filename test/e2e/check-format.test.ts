import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers.js';
import { readZip, zipTexts } from './epub-zip.js';

const FIXTURE = path.resolve('test/fixtures/messages/speeches.md');

interface Json {
  speeches: number;
  errors: number;
  warnings: number;
  messages: { file: string | null; line: number | null; column: number | null; severity: string; code: string; message: string; source: string }[];
}

/** Where `needle` first sits in the fixture, 1-based, as an editor counts. */
async function placeOf(needle: string): Promise<{ line: number; column: number }> {
  const lines = (await readFile(FIXTURE, 'utf8')).split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: [...lines[line]!.slice(0, lines[line]!.indexOf(needle))].length + 1 };
}

describe('check --format json and text: one message type', () => {
  it('prints the same findings as JSON and as file:line:column: severity CODE: message lines', async () => {
    const out = await scratchDir('check-format');
    const json = await runCli(['check', '-m', FIXTURE, '-o', out, '--format', 'json']);
    const text = await runCli(['check', '-m', FIXTURE, '-o', out]);
    expect(json.exitCode, json.all).toBe(0);
    expect(text.exitCode, text.all).toBe(0);
    const doc = JSON.parse(json.stdout) as Json;
    const kinds = new Set(doc.messages.map((m) => m.code.replace(/_.*/, '')));
    // Punctuation, speech structure and Markdown/raw HTML: three kinds of finding.
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['M', 'P', 'S']));
    const asText = doc.messages.map((m) => `${[m.file, m.line, m.column].filter((x) => x !== null).join(':')}: ${m.severity} ${m.code}: ${m.message}`);
    expect(text.stdout.trimEnd().split('\n').slice(0, -1)).toEqual(asText);
    expect(doc.warnings).toBe(doc.messages.filter((m) => m.severity === 'warning').length);
    expect(text.stdout).toMatch(new RegExp(`${doc.speeches} speeches, \\d+ proposals; ${doc.errors} errors, ${doc.warnings} warnings\\n?$`));
  });

  it('reads raw-HTML places from the parsed tree: svg, math, template and noscript, each where it is written', async () => {
    const out = await scratchDir('check-format');
    const doc = JSON.parse((await runCli(['check', '-m', FIXTURE, '-o', out, '--format', 'json'])).stdout) as Json;
    for (const [tag, code] of [['svg', 'M_HTML_UNWRAPPED'], ['math', 'M_HTML_UNWRAPPED'], ['template', 'M_HTML_UNWRAPPED'], ['noscript', 'M_HTML_UNWRAPPED']] as const) {
      const at = await placeOf(`<${tag}>`);
      expect(doc.messages, tag).toContainEqual(expect.objectContaining({ code, line: at.line, column: at.column, message: expect.stringContaining(`<${tag}>`) }));
    }
    const onclick = await placeOf('<p onclick');
    expect(doc.messages).toContainEqual(expect.objectContaining({ code: 'M_HTML_REMOVED', line: onclick.line, column: onclick.column, message: expect.stringContaining('onclick') }));
    // MathML's own elements are inside the one unwrapped <math>: not reported again.
    expect(doc.messages.filter((m) => m.message.includes('<mi>'))).toEqual([]);
  });

  it('gives the error that stops a check as JSON too, with its exit code', async () => {
    const dir = await scratchDir('check-format');
    const file = path.join(dir, 'bad.md');
    await writeFile(file, '---\ntitle: [broken\n---\n\n# 一\n\n正文。\n');
    const res = await runCli(['check', '-m', file, '-o', dir, '--format', 'json']);
    expect(res.exitCode).toBe(1);
    const doc = JSON.parse(res.stdout) as Json;
    expect(doc.errors).toBe(1);
    expect(doc.messages).toEqual([expect.objectContaining({ file, line: 2, severity: 'error', code: 'E_YAML' })]);
    expect(res.stderr).toContain(`${file}:2: error E_YAML: broken YAML in front matter`);
  });

  it('a build warns in the same form as check, and --format takes only text or json', async () => {
    const out = await scratchDir('check-format');
    const built = await runCli(['build', '--only', 'epub', '-m', FIXTURE, '-o', out]);
    expect(built.exitCode, built.all).toBe(0);
    const at = await placeOf('<svg>');
    expect(built.stderr).toContain(`${FIXTURE}:${at.line}:${at.column}: warning M_HTML_UNWRAPPED: raw HTML: <svg> is shown as its text`);
    // What an unwrapped element holds is the manuscript's text: the EPUB keeps it, as the PDF does.
    const page = [...zipTexts(readZip(await readFile(path.join(out, 'book.epub')))).entries()].find(([name]) => name.endsWith('s1.xhtml'))![1];
    expect(page.replace(/<[^>]+>/g, '')).toContain('会上图演示了x公式，模板和提示都不该出现。');
    const bad = await runCli(['check', '-m', FIXTURE, '-o', out, '--format', 'xml']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^bookdeck: error E_USAGE: --format takes text or json; got 'xml'/m);
  });
});

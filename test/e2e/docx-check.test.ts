import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';

const GONGWEN = path.join(ROOT, 'test/fixtures/gongwen/speech.md');

describe('bookdeck check --layout gongwen --docx', () => {
  it('names each office face the .docx asks for that this machine lacks, with what fontconfig gives instead', async () => {
    const out = await scratchDir('docx-check');
    const r = await runCli(['check', '-m', GONGWEN, '-o', out, '--layout', 'gongwen', '--docx', '--format', 'json']);
    expect(r.stderr).not.toMatch(/Unknown option/);
    const report = JSON.parse(r.stdout) as { messages: { ruleId?: string; code?: string; message?: string; reason?: string }[] };
    const faces = report.messages.filter((m) => JSON.stringify(m).includes('I_DOCX_FACE'));
    const text = JSON.stringify(faces);
    // None of the office's faces is installed on a Debian machine: each is named once, with its substitute.
    for (const face of ['方正小标宋简体', '仿宋_GB2312', '楷体_GB2312']) expect(text).toContain(face);
    expect(faces.length).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/fontconfig gives [^"]+/);
  });
});

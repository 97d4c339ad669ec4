import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers.js';

describe("a config's build.out", () => {
  it("is resolved from the config's folder, not from the folder bookdeck runs in", async () => {
    const root = await scratchDir('config-out-cwd');
    const project = path.join(root, 'project');
    const elsewhere = path.join(root, 'elsewhere');
    await mkdir(project, { recursive: true });
    await mkdir(elsewhere, { recursive: true });
    await writeFile(path.join(project, 'book.md'), '---\ntitle: 书\ndate: 2018-07-26\n---\n\n# 一\n\n正文。\n\n（摘自某次会议的讲话）\n');
    await writeFile(path.join(project, 'bookdeck.config.json'), JSON.stringify({ build: { out: 'built' } }));
    const res = await runCli(['build', '--only', 'epub', '-m', path.join(project, 'book.md'), '--quiet'], { cwd: elsewhere });
    expect(res.exitCode, res.all).toBe(0);
    expect(existsSync(path.join(project, 'built', 'book.epub'))).toBe(true);
    expect(existsSync(path.join(elsewhere, 'built'))).toBe(false);
  });
});

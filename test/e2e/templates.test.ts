import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';

describe('template overrides', () => {
  it('uses a deck theme from templates/ beside the manuscript, and one from --templates over it', async () => {
    const dir = await scratchDir('tpl-deck');
    const manuscript = path.join(dir, 'speeches.md');
    await writeFile(manuscript, await readFile(MANUSCRIPT, 'utf8'));
    await mkdir(path.join(dir, 'templates/deck'), { recursive: true });
    const theme = await readFile(path.join(ROOT, 'templates/deck/theme.css'), 'utf8');
    await writeFile(path.join(dir, 'templates/deck/theme.css'), `${theme}\n/* beside-the-manuscript */\n`);
    const out = path.join(dir, 'dist');
    const res = await runCli(['build', '-m', manuscript, '-o', out, '--only', 'deck', '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
    expect(await readFile(path.join(out, 'deck/theme.css'), 'utf8')).toContain('beside-the-manuscript');

    const flag = path.join(dir, 'flag');
    await mkdir(path.join(flag, 'deck'), { recursive: true });
    await writeFile(path.join(flag, 'deck/theme.css'), `${theme}\n/* from-the-flag */\n`);
    const res2 = await runCli(['build', '-m', manuscript, '-o', out, '--only', 'deck', '--quiet', '--templates', flag]);
    expect(res2.exitCode, res2.all).toBe(0);
    expect(await readFile(path.join(out, 'deck/theme.css'), 'utf8')).toContain('from-the-flag');
  });

  it('a deck page template without {{slides}} is a clear error naming the template', async () => {
    const dir = await scratchDir('tpl-broken');
    await mkdir(path.join(dir, 'deck'), { recursive: true });
    await writeFile(path.join(dir, 'deck/index.html'), '<!doctype html><html lang="{{lang}}"><body>no slides here</body></html>');
    const res = await runCli(['build', '-m', MANUSCRIPT, '-o', path.join(dir, 'dist'), '--only', 'deck', '--templates', dir]);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.stderr).toMatch(/bookdeck: error E_TEMPLATE: .*deck\/index\.html: the deck page template has no \{\{slides\}\} placeholder/);
  });
});

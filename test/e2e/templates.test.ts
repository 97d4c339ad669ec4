import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';

describe('template overrides', () => {
  it('uses templates/ beside the manuscript only when the config trusts it, and --templates over it', async () => {
    const dir = await scratchDir('tpl-deck');
    const manuscript = path.join(dir, 'speeches.md');
    await writeFile(manuscript, await readFile(MANUSCRIPT, 'utf8'));
    await mkdir(path.join(dir, 'templates/deck'), { recursive: true });
    const theme = await readFile(path.join(ROOT, 'templates/deck/theme.css'), 'utf8');
    await writeFile(path.join(dir, 'templates/deck/theme.css'), `${theme}\n/* beside-the-manuscript */\n`);
    const out = path.join(dir, 'dist');
    const untrusted = await runCli(['build', '-m', manuscript, '-o', out, '--only', 'deck']);
    expect(untrusted.exitCode, untrusted.all).toBe(0);
    expect(untrusted.stderr).toMatch(/bookdeck: warning W_TEMPLATES: .*templates\/ is not used: templates can run code/);
    expect(await readFile(path.join(out, 'deck/theme.css'), 'utf8')).not.toContain('beside-the-manuscript');

    await writeFile(path.join(dir, 'bookdeck.config.yaml'), 'build:\n  trustTemplates: true\n');
    const res = await runCli(['build', '-m', manuscript, '-o', out, '--only', 'deck']);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stderr).toMatch(/bookdeck: warning W_TEMPLATES: build\.trustTemplates is on: the templates in .*templates run code at build time/);
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
    expect(res.stderr).toMatch(/deck\/index\.html: error E_TEMPLATE: the deck page template has no \{\{slides\}\} placeholder/);
  });
});

import { link, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refuseOntoInputs, resolveOutFolder, type BuildInputs } from '../../../src/io/out-folder.js';
import { isWithin } from '../../../src/io/real-path.js';

/** A project with book.md, and a folder `elsewhere` beside it. */
async function layout() {
  const root = await mkdtemp(path.join(tmpdir(), 'bookdeck-out-'));
  const project = path.join(root, 'project');
  const elsewhere = path.join(root, 'elsewhere');
  await mkdir(project);
  await mkdir(elsewhere);
  const book = path.join(project, 'book.md');
  await writeFile(book, '# 一\n');
  const inputs: BuildInputs = { manuscript: [book], root: project };
  return { root, project, elsewhere, book, inputs };
}

describe('resolveOutFolder', () => {
  it('the default dist through a link outside: E_OUT_OUTSIDE naming the link and where it points', async () => {
    const l = await layout();
    await symlink(l.elsewhere, path.join(l.project, 'dist'));
    await expect(resolveOutFolder(path.join(l.project, 'dist'), { from: 'default', base: l.project }, l.inputs)).rejects.toThrow(
      `${path.join(l.project, 'dist')} is a link to ${l.elsewhere}`,
    );
  });

  it("a link deeper in a config's build.out, a chain of links, and a dangling link out are all followed", async () => {
    const l = await layout();
    const origin = { from: 'config', base: l.project } as const;
    await mkdir(path.join(l.project, 'a'));
    await symlink(path.join(l.project, 'hop'), path.join(l.project, 'a', 'b'));
    await symlink(l.elsewhere, path.join(l.project, 'hop'));
    await expect(resolveOutFolder(path.join(l.project, 'a/b/out'), origin, l.inputs)).rejects.toMatchObject({ code: 'E_OUT_OUTSIDE' });
    await symlink(path.join(l.root, 'nowhere'), path.join(l.project, 'dangling'));
    await expect(resolveOutFolder(path.join(l.project, 'dangling'), origin, l.inputs)).rejects.toThrow(`is a link to ${path.join(l.root, 'nowhere')}`);
  });

  it('a link that stays inside the project is fine, and the folder comes back resolved', async () => {
    const l = await layout();
    await mkdir(path.join(l.project, 'real-out'));
    await symlink('real-out', path.join(l.project, 'dist'));
    expect(await resolveOutFolder(path.join(l.project, 'dist'), { from: 'default', base: l.project }, l.inputs)).toBe(path.join(l.project, 'real-out'));
  });

  it("the user's own -o may point anywhere", async () => {
    const l = await layout();
    await symlink(l.elsewhere, path.join(l.project, 'dist'));
    expect(await resolveOutFolder(path.join(l.project, 'dist', 'new'), { from: 'flag' }, l.inputs)).toBe(path.join(l.elsewhere, 'new'));
  });

  it('refuses the manuscript, its folder, a folder above it, a file, and a work folder linked away', async () => {
    const l = await layout();
    const flag = { from: 'flag' } as const;
    await expect(resolveOutFolder(l.book, flag, l.inputs)).rejects.toMatchObject({ code: 'E_OUT_IS_INPUT' });
    await expect(resolveOutFolder(l.project, flag, l.inputs)).rejects.toThrow("is the manuscript's folder");
    await expect(resolveOutFolder(l.root, flag, l.inputs)).rejects.toThrow("holds the manuscript's folder");
    await writeFile(path.join(l.elsewhere, 'f.txt'), 'x');
    await expect(resolveOutFolder(path.join(l.elsewhere, 'f.txt'), flag, l.inputs)).rejects.toMatchObject({ code: 'E_OUT_NOT_DIR' });
    await symlink(l.project, path.join(l.elsewhere, '.bookdeck-cache'));
    await expect(resolveOutFolder(path.join(l.elsewhere, 'out'), flag, l.inputs)).rejects.toThrow(`${path.join(l.elsewhere, '.bookdeck-cache')} is a link to ${l.project}`);
  });
});

describe('refuseOntoInputs', () => {
  it('refuses an input by its own name, through a symlink and through a hard link; a new name is fine', async () => {
    const l = await layout();
    await symlink(l.book, path.join(l.elsewhere, 'soft.md'));
    await link(l.book, path.join(l.elsewhere, 'hard.md'));
    for (const target of [l.book, path.join(l.elsewhere, 'soft.md'), path.join(l.elsewhere, 'hard.md')]) {
      await expect(refuseOntoInputs(target, [l.book])).rejects.toMatchObject({ code: 'E_OUT_IS_INPUT' });
    }
    await expect(refuseOntoInputs(path.join(l.project, 'draft.md'), [l.book])).resolves.toBeUndefined();
  });
});

describe('isWithin', () => {
  it('takes a name that starts with two dots for a name inside', () => {
    expect(isWithin('/p', '/p/..foo')).toBe(true);
    expect(isWithin('/p', '/p')).toBe(true);
    expect(isWithin('/p', '/p/../q')).toBe(false);
    expect(isWithin('/p', '/q')).toBe(false);
  });
});

describe('resolveOutFolder and the templates folder', () => {
  it('refuses the templates folder itself and a folder holding it; a folder inside it is fine (no template has that name)', async () => {
    const l = await layout();
    const templates = path.join(l.elsewhere, 'tpl');
    await mkdir(templates);
    const inputs = { ...l.inputs, templates };
    await expect(resolveOutFolder(templates, { from: 'flag' }, inputs)).rejects.toThrow('is the templates folder');
    await expect(resolveOutFolder(l.elsewhere, { from: 'flag' }, inputs)).rejects.toThrow('holds the templates folder');
    expect(await resolveOutFolder(path.join(templates, 'dist'), { from: 'flag' }, inputs)).toBe(path.join(templates, 'dist'));
  });
});

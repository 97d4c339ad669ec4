import { readFile } from 'node:fs/promises';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Emitter } from '../types.js';
import { copyTree, replaceDirAtomic } from '../../io/atomic.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { renderDeck } from './render.js';

const REVEAL = path.join(PACKAGE_ROOT, 'node_modules', 'reveal.js', 'dist');

/** Book proposals → `deck/index.html` with reveal.js copied beside it (no CDN). */
export const emitDeck: Emitter = async (book, ctx) => {
  ctx.progress('rendering slides');
  const shell = await readFile(await ctx.template('deck/index.html'), 'utf8');
  const css = await readFile(await ctx.template('deck/theme.css'), 'utf8');
  const html = renderDeck(book, shell);
  const target = path.join(ctx.options.outDir, 'deck');
  await replaceDirAtomic(
    target,
    async (dir) => {
      await copyTree(REVEAL, path.join(dir, 'reveal'));
      await writeFile(path.join(dir, 'theme.css'), css);
      await writeFile(path.join(dir, 'index.html'), html);
    },
    ctx.workDir,
  );
  const index = path.join(target, 'index.html');
  return { format: 'deck', files: [index], bytes: Buffer.byteLength(html) };
};

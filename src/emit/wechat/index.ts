import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ElementContent, Root } from 'hast';
import type { Emitter, EmitContext } from '../types.js';
import type { Book } from '../../model/book.js';
import { speechByline } from '../../model/byline.js';
import { replaceDirAtomic } from '../../io/atomic.js';
import { renderChapters } from '../epub/index.js';
import { toXhtml } from '../epub/serialize.js';
import { escapeAttr, escapeText } from '../escape.js';
import { handoutName } from '../../model/documents.js';
import { BookdeckError } from '../../errors.js';
import { wechatArticle, textOf } from './article.js';
import { WECHAT_LIMITS, chars, digestOf } from './limits.js';

/** One article as written: its file, title, digest, counts and the images to upload first. */
export interface WechatArticle {
  file: string;
  title: string;
  digest: string;
  /** The root `<section>`, every style inline: what the 复制 button puts on the clipboard. */
  section: string;
  chars: number;
  bytes: number;
  images: string[];
}

/**
 * The speeches as WeChat articles (`wechat/NN-title.html`, one root `<section>` each, every
 * style inline, no class) and `wechat/index.html`, a preview with a 复制 button per article.
 */
export const emitWechat: Emitter = async (book, ctx) => {
  ctx.progress('rendering articles');
  const { files, bytes, count, images } = await writeWechat(book, ctx);
  return { format: 'wechat', files, bytes, notes: [`wechat: ${count} articles, ${images} images to upload first`] };
};

/** Write `wechat/` (articles, images, index) into the output folder; `serve` calls this on every save too. */
export async function writeWechat(
  book: Book,
  ctx: Pick<EmitContext, 'request' | 'workDir' | 'template' | 'warn'>,
): Promise<{ files: string[]; bytes: number; count: number; images: number }> {
  const { articles, images } = await wechatArticles(book, ctx);
  const shell = await readFile(await ctx.template('wechat/index.html'), 'utf8');
  const index = fill(shell, await ctx.template('wechat/index.html'), {
    lang: escapeAttr(book.meta.lang),
    title: escapeText(book.meta.title),
    articles: articles.map(entry).join('\n'),
  });
  const target = path.join(ctx.request.outDir, 'wechat');
  await replaceDirAtomic(
    target,
    async (dir) => {
      if (images.size) await mkdir(path.join(dir, 'images'), { recursive: true });
      await Promise.all([
        ...articles.map((a) => writeFile(path.join(dir, a.file), page(book.meta.lang, a))),
        ...[...images].map(([href, bytes]) => writeFile(path.join(dir, href), bytes)),
        writeFile(path.join(dir, 'index.html'), index),
      ]);
    },
    ctx.workDir,
  );
  const files = [path.join(target, 'index.html'), ...articles.map((a) => path.join(target, a.file))];
  const bytes = articles.reduce((n, a) => n + a.bytes, Buffer.byteLength(index));
  return { files, bytes, count: articles.length, images: images.size };
}

/** Every speech as a WeChat article, and the image files they show (by relative path). */
export async function wechatArticles(book: Book, ctx: Pick<EmitContext, 'template' | 'warn'>): Promise<{ articles: WechatArticle[]; images: Map<string, Uint8Array> }> {
  const rendered = await renderChapters(book, ctx.warn);
  const css = await readFile(await ctx.template('wechat/article.css'), 'utf8');
  const [{ default: juice }, { fromHtml }] = await Promise.all([import('juice'), import('hast-util-from-html')]);
  const stored = new Map(rendered.images.map((i) => [i.href, i.bytes]));
  const images = new Map<string, Uint8Array>();
  const articles = book.sections.flatMap((chapter, i) => {
    if (chapter.kind !== 'speech') return [];
    const byline = new Set(speechByline(chapter).map((b) => b.para.id));
    const { tree, images: used } = wechatArticle(rendered[i]!.section, { byline });
    for (const href of used) if (stored.has(href)) images.set(href, stored.get(href)!);
    const inlined = juice.inlineContent(toXhtml(tree), css, { applyWidthAttributes: false, applyHeightAttributes: false, applyAttributesTableElements: false });
    const parsed = fromHtml(inlined, { fragment: true });
    unclass(parsed);
    const section = toXhtml(parsed);
    const file = `${handoutName(chapter.index, chapter.title)}.html`;
    const article: WechatArticle = {
      file,
      // A speech may name a shorter title for WeChat (at most 32 characters) in its front matter.
      title: chapter.meta?.wechat?.title ?? chapter.title,
      digest: digestOf(chapter),
      section,
      chars: chars(textOf(tree)),
      bytes: Buffer.byteLength(section),
      images: used,
    };
    return [article];
  });
  return { articles, images };
}

/** Remove every class and id: the WeChat editor drops them, and only inline style may carry the look. */
function unclass(node: Root | ElementContent): void {
  if (node.type === 'element') {
    delete node.properties.className;
    delete node.properties.id;
  }
  if ('children' in node) for (const c of node.children) unclass(c as ElementContent);
}

/** A complete article page: the title, the digest as its description, and the section. */
function page(lang: string, a: WechatArticle): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeAttr(lang)}">`,
    '<head>',
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<title>${escapeText(a.title)}</title>`,
    `<meta name="description" content="${escapeAttr(a.digest)}"/>`,
    '</head>',
    `<body style="margin: 0; padding: 16px; background: #ffffff;">${a.section}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** One article in the preview page: its name, counts, upload list, 复制 button and the article itself. */
function entry(a: WechatArticle, i: number): string {
  const over = (n: number, limit: number) => (n >= limit ? ' class="over"' : '');
  const upload = a.images.length
    ? `<p class="upload">先上传到素材库：${a.images.map((s) => `<code>${escapeText(s)}</code>`).join('、')}</p>`
    : '';
  return [
    '<article class="entry">',
    '<header>',
    `<h2>${escapeText(a.title)}</h2>`,
    `<p class="meta"><span${over(chars(a.title), WECHAT_LIMITS.title + 1)}>标题 ${chars(a.title)} 字</span> · <span${over(a.chars, WECHAT_LIMITS.chars)}>正文 ${a.chars} 字</span> · 摘要：${escapeText(a.digest)}</p>`,
    upload,
    `<p><button type="button" data-copy="article-${i + 1}">复制</button> <a href="${escapeAttr(a.file)}">单独打开</a></p>`,
    '</header>',
    `<div class="phone"><div id="article-${i + 1}" class="copy-source">${a.section}</div></div>`,
    '</article>',
  ].join('\n');
}

/** A page template filled by splitting it once on its placeholders: a value is never searched again. */
function fill(shell: string, file: string, values: Record<string, string>): string {
  const parts = shell.split(/\{\{(\w+)\}\}/);
  for (const name of Object.keys(values)) {
    if (!parts.some((p, i) => i % 2 === 1 && p === name)) {
      throw new BookdeckError('E_TEMPLATE', `the WeChat index template has no {{${name}}} placeholder`, { location: { file }, hint: 'start from bookdeck’s templates/wechat/index.html' });
    }
  }
  return parts.map((p, i) => (i % 2 === 1 ? (values[p] ?? `{{${p}}}`) : p)).join('');
}

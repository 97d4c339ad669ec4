import { readFile } from 'node:fs/promises';
import path from 'node:path';

const LINK = /<link\s+rel="stylesheet"\s+href="([^"]+)"\s*\/?>/g;
const SCRIPT = /<script\s+src="([^"]+)"\s*><\/script>/g;

/** `</script` or `<!--` inside inline JS would end or confuse the element; `\x3C` is `<` in JS. */
export function escapeScript(code: string): string {
  return code.replace(/<\/script/gi, '\\x3C/script').replace(/<!--/g, '\\x3C!--');
}

/** `</style` inside inline CSS would end the element; `\/` is `/` in CSS. */
export function escapeStyle(code: string): string {
  return code.replace(/<\/style/gi, '<\\/style');
}

/**
 * The deck page with every local stylesheet and script inlined, so one `deck.html` can be
 * e-mailed. `read` returns a file of the deck folder by its relative path.
 */
export async function inlineAssets(html: string, read: (rel: string) => Promise<string>): Promise<string> {
  const refs = new Set<string>();
  for (const m of html.matchAll(LINK)) refs.add(m[1]!);
  for (const m of html.matchAll(SCRIPT)) refs.add(m[1]!);
  const local = [...refs].filter((r) => !/^[a-z]+:|^\/\//i.test(r));
  const files = new Map(await Promise.all(local.map(async (r) => [r, await read(r)] as const)));
  return html
    .replace(LINK, (tag, ref: string) => (files.has(ref) ? `<style>${escapeStyle(files.get(ref)!)}</style>` : tag))
    .replace(SCRIPT, (tag, ref: string) => (files.has(ref) ? `<script>${escapeScript(files.get(ref)!)}</script>` : tag));
}

/** Reader for {@link inlineAssets} over a deck folder; refuses paths that leave it. */
export function folderReader(dir: string): (rel: string) => Promise<string> {
  return async (rel) => {
    const file = path.resolve(dir, rel);
    if (!file.startsWith(path.resolve(dir) + path.sep)) throw new Error(`asset '${rel}' is outside the deck folder`);
    return readFile(file, 'utf8');
  };
}

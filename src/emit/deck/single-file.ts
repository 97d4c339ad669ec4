import { readFile } from 'node:fs/promises';
import path from 'node:path';

const LINK = /<link\s+rel="stylesheet"\s+href="([^"]+)"\s*\/?>/g;
const SCRIPT = /<script\s+src="([^"]+)"\s*><\/script>/g;
const IMG = /<img\s+src="([^"]+)"/g;
const PICTURE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml' };

/** A picture of the deck folder as a `data:` URI, by its name's extension. */
function dataUri(name: string, bytes: Uint8Array): string {
  const type = PICTURE_TYPES[path.extname(name).slice(1)] ?? 'application/octet-stream';
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

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
export async function inlineAssets(html: string, read: (rel: string) => Promise<string>, images: readonly { name: string; bytes: Uint8Array }[] = []): Promise<string> {
  const refs = new Set<string>();
  for (const m of html.matchAll(LINK)) refs.add(m[1]!);
  for (const m of html.matchAll(SCRIPT)) refs.add(m[1]!);
  const local = [...refs].filter((r) => !/^[a-z]+:|^\/\//i.test(r));
  const files = new Map(await Promise.all(local.map(async (r) => [r, await read(r)] as const)));
  const pictures = new Map(images.map((i) => [i.name, i.bytes] as const));
  return html
    .replace(IMG, (tag, ref: string) => (pictures.has(ref) ? tag.replace(`src="${ref}"`, `src="${dataUri(ref, pictures.get(ref)!)}"`) : tag))
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

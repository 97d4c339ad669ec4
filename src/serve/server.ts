import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { IMAGE_TYPES } from '../manuscript/images.js';
import { CLIENT_JS, injectClient, type LivePage } from './client.js';
import { readOwnFile } from './own-file.js';
import { refusal } from './own-host.js';
import { relativePaths } from './shown-paths.js';
import { diffPages, joinPage, type PartedPage } from './parts.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  ...Object.fromEntries(Object.entries(IMAGE_TYPES).map(([ext, type]) => [`.${ext}`, type])),
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.otf': 'font/otf',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
};

/** A running preview server. */
export interface PreviewServer {
  url: string;
  /** Tell every open page but the preview and the deck to reload (the start page, after the PDF changed). */
  refresh(): void;
  /** Show a build error in every open page (undefined clears it); its paths are shown relative to the manuscript folder. */
  setError(message: string | undefined): void;
  /** Replace the in-memory book preview page and patch the open ones; its images are read from `imageRoot` (the manuscript folder). */
  setPreview(page: PartedPage, imageRoot: string): void;
  /** Patch the open decks to the deck just written to `deck/index.html`. */
  setDeck(page: PartedPage): void;
  close(): Promise<void>;
}

/** Where `startServer` listens, and how it names files to the page. */
export interface ServerOptions {
  port?: number;
  /** Spellings of the manuscript folder (as given, real): paths in messages are shown relative to it. */
  manuscriptRoots: readonly string[];
}

/**
 * Serve `outDir` and the in-memory preview on 127.0.0.1, with live preview over SSE: only the
 * output folder's own files (no link out, no FIFO or device), only to requests that name this
 * server (`Host` localhost, 127.0.0.1 or [::1] with its port; no foreign `Origin`).
 */
export async function startServer(outDir: string, opts: ServerOptions): Promise<PreviewServer> {
  const shown = (message: string) => relativePaths(message, opts.manuscriptRoots);
  const clients = new Set<ServerResponse>();
  let error: string | undefined;
  let preview = '<!doctype html><title>bookdeck</title><p>building…</p>';
  let imageRoot: string | undefined;
  const send = (event: string, data: unknown) => {
    for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const root = path.resolve(outDir);
  const deckFile = path.join(root, 'deck', 'index.html');
  // Versions name this server too: a page left open from an earlier serve never matches one of this.
  const boot = Date.now().toString(36);
  let serial = 0;
  const live = { preview: { version: '', page: undefined as PartedPage | undefined }, deck: { version: '', page: undefined as PartedPage | undefined } };
  const versions = () => ({ preview: live.preview.version, deck: live.deck.version });
  const update = (kind: LivePage['kind'], page: PartedPage) => {
    const was = live[kind];
    const to = `${boot}.${++serial}`;
    const patch = was.page ? diffPages(was.page, page) : ({ reload: true } as const);
    live[kind] = { version: to, page };
    send('patch', { page: kind, from: was.version, to, ...patch });
  };

  let port = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const refused = refusal(req, port);
    if (refused) return reply(res, refused.status, 'text/plain; charset=utf-8', refused.text);
    const pathname = decodedPath(req.url);
    if (pathname === undefined) return reply(res, 400, 'text/plain; charset=utf-8', 'bad request: the path is not valid percent-encoding');
    if (pathname === '/__bookdeck/events') {
      res.writeHead(200, { ...SAFE, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`event: error-state\ndata: ${JSON.stringify({ message: error ?? null })}\n\n`);
      // A page that loaded before a save and connected after its patch went out reloads.
      res.write(`event: versions\ndata: ${JSON.stringify(versions())}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (pathname === '/__bookdeck/client.js') return reply(res, 200, TYPES['.js']!, CLIENT_JS);
    if (pathname === '/') return reply(res, 200, TYPES['.html']!, injectClient(await indexPage(root)));
    if (pathname === '/preview/' || pathname === '/preview') return reply(res, 200, TYPES['.html']!, injectClient(preview, { kind: 'preview', version: live.preview.version }));
    // The preview keeps image paths as written: serve them from the manuscript folder.
    if (pathname.startsWith('/preview/')) return previewImage(res, imageRoot, pathname.slice('/preview/'.length));
    const found = await readOwnFile(root, `.${pathname}`, { index: true });
    if ('status' in found) return refuse(res, found.status, pathname);
    const { file, body } = found;
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    // The deck on disk is written before its version is set: a page may show a version's slides under the one before, and its patch swaps them again for the same.
    // (readOwnFile names what it read by its real path.)
    const isDeck = type.startsWith('text/html') && file === (await realpath(deckFile).catch(() => undefined));
    const page = isDeck ? ({ kind: 'deck', version: live.deck.version } as const) : undefined;
    reply(res, 200, type, type.startsWith('text/html') ? injectClient(body.toString('utf8'), page) : body);
  };

  const requested = opts.port ?? 0;
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => reply(res, 500, 'text/plain; charset=utf-8', shown(e.message)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requested, '127.0.0.1', resolve);
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : requested;
  return {
    url: `http://127.0.0.1:${port}/`,
    refresh: () => send('reload', {}),
    setError(message) {
      error = message === undefined ? undefined : shown(message);
      send('error-state', { message: error ?? null });
    },
    setPreview(page, root) {
      preview = joinPage(page);
      imageRoot = root;
      update('preview', page);
    },
    setDeck: (page) => update('deck', page),
    close: () =>
      new Promise((resolve) => {
        for (const res of clients) res.end();
        server.close(() => resolve());
      }),
  };
}

/** An image of the manuscript folder, and nothing else: no other file type, nothing outside it, even through a symlink, no FIFO. */
async function previewImage(res: ServerResponse, root: string | undefined, rel: string): Promise<void> {
  const type = IMAGE_TYPES[path.extname(rel).slice(1).toLowerCase()];
  if (!root || !type) return refuse(res, 404, `/preview/${rel}`);
  const found = await readOwnFile(root, rel);
  if ('status' in found) return refuse(res, found.status, `/preview/${rel}`);
  res.writeHead(200, { ...SAFE, 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': "script-src 'none'" });
  res.end(found.body);
}

/** The request's path, percent-decoded; undefined when its encoding is malformed (`/%E0%A4%A`). */
function decodedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}

/** Headers on every answer: no content sniffing, and no page of another site may embed what is served. */
const SAFE = { 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin' } as const;

function reply(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SAFE, 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** 404 for what is not there, 403 for what is there but not served (outside, or not a regular file). */
function refuse(res: ServerResponse, status: 403 | 404, pathname: string): void {
  reply(res, status, 'text/plain; charset=utf-8', status === 404 ? `not found: ${pathname}` : 'forbidden');
}

/** The start page: links to what the output folder holds now, never to a file serve does not build. */
async function indexPage(root: string): Promise<string> {
  const has = async (name: string) => (await stat(path.join(root, name)).catch(() => undefined))?.isFile() ?? false;
  const files = [
    ['book.pdf', 'PDF'],
    ['book.epub', 'EPUB'],
  ] as const;
  const built = (await Promise.all(files.map(async ([name, label]) => ((await has(name)) ? `<a href="/${name}">${label}</a>` : '')))).filter(Boolean);
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>bookdeck preview</title>
<style>body{font:16px/1.6 "Noto Sans CJK SC",sans-serif;max-width:40em;margin:3em auto}</style></head>
<body><h1>bookdeck</h1><ul>
<li><a href="/preview/">书稿预览 (book preview)</a></li>
<li><a href="/deck/index.html">演示文稿 (deck)</a></li>
${(await has('wechat/index.html')) ? '<li><a href="/wechat/index.html">公众号文章 (WeChat articles)</a></li>\n' : ''}${built.length ? `<li>${built.join(' · ')}</li>\n` : ''}</ul></body></html>`;
}

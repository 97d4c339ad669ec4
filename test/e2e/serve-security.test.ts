import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDir, startServe } from '../helpers.js';

// serve serves only its own files, and only to itself (issue 21, finding 2).
let child: ChildProcess;
let url: string;
let port: number;
let dir: string;
let out: string;
let manuscript: string;
let secretDir: string;
const SECRET = `bookdeck-secret-${process.pid}-${Date.now()}`;
const GOOD = '---\ntitle: 安全之书\n---\n\n# 第一篇\n\n京津冀协同发展。\n';

interface Answer {
  status: number;
  body: string;
}

/** A GET with the raw path and any headers (fetch forbids setting Host), failing after `ms`. */
function get(p: string, headers: Record<string, string> = {}, ms = 5_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: p, headers, timeout: ms }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${p} got no answer in ${ms} ms`)));
    req.on('error', reject);
  });
}

/** The event stream's events until `until` accepts one, or `ms` pass. */
function events(until: (event: string, data: string) => boolean, headers: Record<string, string> = {}, ms = 15_000): Promise<{ status: number; seen: { event: string; data: string }[] }> {
  return new Promise((resolve, reject) => {
    const seen: { event: string; data: string }[] = [];
    const req = http.get({ host: '127.0.0.1', port, path: '/__bookdeck/events', headers }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return resolve({ status: res.statusCode!, seen });
      }
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        buf += d;
        for (let i = buf.indexOf('\n\n'); i !== -1; i = buf.indexOf('\n\n')) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
          const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
          seen.push({ event, data });
          if (until(event, data)) {
            clearTimeout(timer);
            req.destroy();
            return resolve({ status: 200, seen });
          }
        }
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`the event stream sent no matching event in ${ms} ms: ${JSON.stringify(seen)}`));
    }, ms);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

beforeAll(async () => {
  dir = await scratchDir('serve-security');
  manuscript = path.join(dir, 'book.md');
  out = path.join(dir, 'dist');
  await writeFile(manuscript, GOOD);
  // A secret outside the project, in the system's temporary folder.
  secretDir = await mkdtemp(path.join(os.tmpdir(), 'bookdeck-secret-'));
  await writeFile(path.join(secretDir, 'secret.txt'), `${SECRET}\n`);
  // Absolute paths everywhere, so a message that leaks one shows it.
  ({ child, url } = await startServe(['-m', manuscript, '-o', out, '--no-pdf'], dir));
  port = Number(new URL(url).port);
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // A server stuck on a FIFO may never close: do not wait on it for ever.
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await gone;
    clearTimeout(timer);
  }
  await rm(secretDir, { recursive: true, force: true });
});

describe('bookdeck serve serves only its own files', () => {
  it('refuses a symlink in the output folder that leads to a file outside it', async () => {
    await symlink(path.join(secretDir, 'secret.txt'), path.join(out, 'leak.txt'));
    const res = await get('/leak.txt');
    expect([403, 404]).toContain(res.status);
    expect(res.body).not.toContain(SECRET);
  });

  it('refuses the system’s passwd file through a link to /etc, or to the file itself', async () => {
    await symlink('/etc', path.join(out, 'etc'));
    await symlink('/etc/passwd', path.join(out, 'passwd.html'));
    for (const p of ['/etc/passwd', '/etc/', '/passwd.html']) {
      const res = await get(p);
      expect([403, 404], p).toContain(res.status);
      expect(res.body, p).not.toMatch(/root:/);
    }
  });

  it('refuses a folder link that leads outside, even to an index.html there', async () => {
    await mkdir(path.join(secretDir, 'site'));
    await writeFile(path.join(secretDir, 'site', 'index.html'), `<p>${SECRET}</p>`);
    await symlink(path.join(secretDir, 'site'), path.join(out, 'site'));
    for (const p of ['/site/', '/site', '/site/index.html']) {
      const res = await get(p);
      expect([403, 404], p).toContain(res.status);
      expect(res.body, p).not.toContain(SECRET);
    }
  });

  it('still serves its own files, through a link that stays inside', async () => {
    await writeFile(path.join(out, 'own.txt'), 'own file');
    await symlink('own.txt', path.join(out, 'alias.txt'));
    expect(await get('/own.txt')).toEqual({ status: 200, body: 'own file' });
    expect(await get('/alias.txt')).toEqual({ status: 200, body: 'own file' });
    expect((await get('/deck/index.html')).status).toBe(200);
    expect((await get('/deck/')).status).toBe(200);
  });
});

describe('bookdeck serve answers only itself (no DNS rebinding)', () => {
  it('refuses a request whose Host is not this server', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, 'localhost', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`]) {
      const res = await get('/deck/index.html', { host });
      expect([403, 421], host).toContain(res.status);
      expect(res.body, host).not.toContain('<section');
    }
    const stream = await events(() => true, { host: `evil.example:${port}` });
    expect([403, 421]).toContain(stream.status);
  });

  it('answers the names of this machine with this server’s port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await get('/deck/index.html', { host })).status, host).toBe(200);
    }
  });

  it('refuses the event stream to a page of another origin', async () => {
    const foreign = await events(() => true, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await events((e) => e === 'versions', { origin: `http://127.0.0.1:${port}` });
    expect(own.status).toBe(200);
  });
});

describe('bookdeck serve tells the page no absolute path', () => {
  /** Save `text` as the manuscript until the event stream sends an error state that `until` accepts (a save can slip past the watcher). */
  const saveUntil = async (text: string, until: (message: string | null) => boolean) => {
    const stream = events((e, data) => e === 'error-state' && until(JSON.parse(data).message));
    let saves = 0;
    const timer = setInterval(() => void writeFile(manuscript, text + '\n'.repeat(++saves % 2)), 1_500);
    await writeFile(manuscript, text);
    try {
      return await stream;
    } finally {
      clearInterval(timer);
    }
  };

  it('shows a broken save’s error with the path relative to the manuscript folder', async () => {
    try {
      const stream = await saveUntil(GOOD.replace('title: 安全之书', 'title: [broken'), (m) => m !== null);
      const message: string = JSON.parse(stream.seen.at(-1)!.data).message;
      expect(message).toMatch(/^book\.md:\d+(:\d+)?: error E_YAML/);
      for (const { data } of stream.seen) {
        expect(data).not.toContain(dir);
        expect(data).not.toMatch(/(^|[\s'"(])\/(?!__bookdeck|preview)[\w.-]+\//);
      }
    } finally {
      await saveUntil(GOOD, (m) => m === null);
    }
  });
});

describe('bookdeck serve is not tied up by a FIFO', () => {
  it('refuses a FIFO in the output folder at once, and goes on serving', async () => {
    for (let i = 0; i < 6; i++) execFileSync('mkfifo', [path.join(out, `pipe${i}.html`)]);
    const t0 = Date.now();
    // More FIFOs than libuv has threads: a blocking open would take every one of them.
    const answers = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => get(`/pipe${i}.html`, {}, 3_000)));
    for (const res of answers) expect([403, 404]).toContain(res.status);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(await get('/own.txt', {}, 3_000)).toEqual({ status: 200, body: 'own file' });
  });

  it('refuses a FIFO named as an image in the manuscript folder, and goes on serving', async () => {
    await mkdir(path.join(dir, 'images'), { recursive: true });
    execFileSync('mkfifo', [path.join(dir, 'images', 'pipe.png')]);
    const res = await get('/preview/images/pipe.png', {}, 3_000);
    expect([403, 404]).toContain(res.status);
    expect((await get('/preview/', {}, 3_000)).status).toBe(200);
  });
});

import { execa } from 'execa';
import { readFile, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { workDirFor } from '../../src/io/atomic.js';
import { ROOT } from '../helpers.js';

/** A folder (ending in `/`) or a file a traced build may open, and why it may. */
export interface Root {
  path: string;
  why: string;
}

/** What a traced CLI run printed and every absolute path it opened (or tried to). */
export interface Traced {
  exitCode: number;
  all: string;
  opened: string[];
}

/**
 * Run the CLI under `strace -f -e trace=openat`: `-y` prints the absolute path behind
 * each descriptor an open returns, so relative opens in child processes (xelatex runs
 * in its work folder) resolve too; a failed open counts when its path was absolute.
 * `--seccomp-bpf` stops the traced processes only at the traced calls (the same log): a PDF
 * build took ~5 s of CPU under plain strace, 1.6 s so.
 */
export async function traceCli(args: string[], log: string, opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Traced> {
  const res = await execa('strace', ['-f', '--seccomp-bpf', '-qq', '-y', '-e', 'trace=openat', '-e', 'signal=none', '-o', log, 'node', path.join(ROOT, 'bin/bookdeck.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: opts.env,
    reject: false,
    all: true,
  });
  const opened = new Set<string>();
  for (const line of (await readFile(log, 'utf8')).split('\n')) {
    if (!line.includes('openat')) continue;
    const ok = /= \d+<(.+)>$/.exec(line);
    if (ok) opened.add(ok[1]!);
    else {
      const tried = /openat\([^,]+, "(\/[^"]*)"/.exec(line);
      if (tried && / = -1 /.test(line)) opened.add(tried[1]!);
    }
  }
  return { exitCode: res.exitCode ?? -1, all: res.all ?? '', opened: [...opened].sort() };
}

/**
 * Everything a build may open: its own inputs and outputs, bookdeck itself, and the
 * system files of the programs it runs. Anything else is a leak: another project's
 * files, the user's home, the rest of this repository (test/ included).
 */
export async function allowedRoots(manuscriptDir: string, outDir: string, cwd = ROOT): Promise<Root[]> {
  const home = os.homedir();
  const cache = process.env.BOOKDECK_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'bookdeck');
  const dir = (p: string) => `${p.replace(/\/$/, '')}/`;
  return [
    { path: dir(await realpath(manuscriptDir)), why: 'the manuscript folder: the input' },
    { path: dir(path.resolve(outDir)), why: 'the output folder' },
    { path: dir(workDirFor(outDir)), why: 'the work folder beside the output (staging, temp files, manifest)' },
    ...['json', 'yaml', 'yml'].map((ext) => ({ path: path.join(cwd, `bookdeck.config.${ext}`), why: 'the config is looked for in the current folder too' })),
    { path: dir(cache), why: 'the per-user cache (fonts, subsets, covers, V8 code cache)' },
    ...['bin', 'lib', 'node_modules', 'templates'].map((d) => ({ path: dir(path.join(ROOT, d)), why: `bookdeck's install: ${d}/` })),
    { path: path.join(ROOT, 'package.json'), why: "bookdeck's install: its version, and Node's module type lookup" },
    // Only in a source checkout: bin/bookdeck.js looks at its own sources so it never runs a stale bundle.
    { path: dir(path.join(ROOT, 'src')), why: "bookdeck's own sources, read (listed, never executed) for the bundle's staleness check" },
    { path: path.join(ROOT, 'scripts/stale.mjs'), why: "bookdeck's staleness check, which bin/bookdeck.js runs in a source checkout" },
    { path: await realpath(process.execPath), why: 'the Node binary' },
    { path: '/usr/bin/', why: 'programs bookdeck runs (pandoc, xelatex, xdvipdfmx), opened by the loader and kpathsea' },
    { path: '/lib/', why: 'shared libraries and glibc data (/lib is /usr/lib on Debian 12)' },
    { path: '/usr/lib/', why: 'shared libraries, gconv modules, locales' },
    { path: '/etc/ld.so.cache', why: 'the dynamic loader' },
    { path: '/etc/ssl/', why: "OpenSSL's configuration and CA list, read by Node at start" },
    { path: '/etc/localtime', why: 'time zone' },
    { path: '/usr/share/zoneinfo/', why: 'time zone data' },
    { path: '/etc/locale.alias', why: 'glibc locale' },
    { path: '/usr/share/locale/', why: 'glibc and TeX message catalogues' },
    { path: '/proc/', why: "the kernel's view of the running processes (memory, CPUs, own maps)" },
    { path: '/sys/fs/cgroup/', why: "Node's memory limit" },
    { path: '/sys/devices/system/cpu/', why: 'CPU count' },
    { path: '/dev/null', why: 'child stdio' },
    { path: '/dev/urandom', why: 'random bytes' },
    { path: '/etc/texmf/', why: 'TeX Live configuration (Debian)' },
    { path: '/usr/share/texlive/', why: 'TeX Live: ctex, xeCJK, fontspec, Fandol fonts' },
    { path: '/usr/share/texmf/', why: 'TeX Live (Debian tree)' },
    { path: '/var/lib/texmf/', why: 'TeX Live file name databases and formats' },
    { path: '/usr/local/share/texmf/', why: 'TEXMFLOCAL, searched by kpathsea' },
    { path: `${home}/.texlive2022/`, why: 'TEXMFVAR/TEXMFCONFIG, searched by kpathsea' },
    { path: `${home}/texmf/`, why: 'TEXMFHOME, searched by kpathsea' },
    { path: '/etc/papersize', why: "libpaper, read by xdvipdfmx" },
    { path: '/usr/share/poppler/', why: 'CMaps (poppler-data) that xdvipdfmx reads for CJK fonts' },
    { path: '/usr/share/fonts/', why: 'system fonts (Noto CJK)' },
    { path: '/usr/local/share/fonts/', why: 'fontconfig font path' },
    { path: '/etc/fonts/', why: 'fontconfig configuration' },
    { path: '/usr/share/fontconfig/', why: 'fontconfig configuration' },
    { path: '/var/cache/fontconfig/', why: 'fontconfig cache' },
    { path: `${home}/.cache/fontconfig/`, why: 'fontconfig user cache' },
    { path: `${home}/.fontconfig/`, why: 'fontconfig user cache (old location)' },
    { path: `${home}/.fonts`, why: 'fontconfig user fonts (probed)' },
    { path: `${home}/.local/share/fonts/`, why: 'fontconfig user fonts (probed)' },
    { path: '/usr/share/pandoc/', why: "pandoc's data files" },
    { path: `${home}/.local/share/pandoc/`, why: "pandoc's user data folder (probed)" },
    { path: `${home}/.pandoc/`, why: "pandoc's old user data folder (probed)" },
    { path: `${os.tmpdir()}/dvipdfmx.`, why: "xdvipdfmx's own temp files" },
  ];
}

/** The opened paths that lie under no allowed root. */
export function outsideRoots(opened: string[], roots: Root[]): string[] {
  return opened.filter((p) => !roots.some((r) => p === r.path.replace(/\/$/, '') || p.startsWith(r.path)));
}

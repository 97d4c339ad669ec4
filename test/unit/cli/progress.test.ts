import { describe, expect, it } from 'vitest';
import { createMessage } from '../../../src/message.js';
import { progressReporter } from '../../../src/cli/progress.js';
import type { Console } from '../../../src/cli/console.js';

function capture(): Console & { lines: string[] } {
  const lines: string[] = [];
  return { lines, isTTY: true, out: (t) => lines.push(`out:${t}`), err: (t) => lines.push(t) };
}

describe('progressReporter on a TTY', () => {
  it('writes through the console, names each format once, and stops once', () => {
    const con = capture();
    const stderr = process.stderr.write;
    let direct = 0;
    process.stderr.write = ((..._args: unknown[]) => (direct++, true)) as typeof process.stderr.write;
    try {
      const r = progressReporter(con, 'tty');
      r.onEvent({ type: 'start', format: 'deck' });
      r.onEvent({ type: 'progress', format: 'deck', message: 'rendering slides' });
      r.onEvent({ type: 'done', format: 'deck', artifact: { format: 'deck', files: [] } as never, ms: 1200, cached: false });
      r.stop();
      const written = con.lines.length;
      r.stop();
      expect(con.lines.length).toBe(written);
    } finally {
      process.stderr.write = stderr;
    }
    expect(direct).toBe(0);
    const all = con.lines.join('');
    expect(all).toMatch(/rendering slides\n/);
    expect(all).not.toMatch(/rendering slides deck/);
    expect(con.lines.at(-1)).toBe('\x1b[1A\x1b[2K✓ deck  done in 1.20 s\n');
  });

  it('prints warnings as lines of their own', () => {
    const con = capture();
    const r = progressReporter(con, 'tty');
    r.onEvent({ type: 'warn', format: 'pdf', message: createMessage('W_X', 'no glyph', { severity: 'warning', place: { file: 'm.md', line: 3, column: 2 } }) });
    r.onEvent({ type: 'warn', message: createMessage('W_Y', 'templates/ is not used', { severity: 'warning' }) });
    r.stop();
    expect(con.lines).toEqual(['m.md:3:2: warning W_X: no glyph', 'bookdeck: warning W_Y: templates/ is not used']);
  });
});

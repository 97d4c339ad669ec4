import { statSync } from 'node:fs';
import path from 'node:path';
import type { BuildEvent, BuildResult } from '../build.js';
import type { Format } from '../formats.js';
import { formatMessage } from '../message.js';
import { formatBytes, type Console } from './console.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Shows build progress: a live line per pipeline on a TTY, plain lines otherwise, nothing when quiet. */
export function progressReporter(con: Console, mode: 'tty' | 'plain' | 'quiet'): { onEvent: (e: BuildEvent) => void; stop: () => void } {
  if (mode === 'quiet') return { onEvent: () => {}, stop: () => {} };
  if (mode === 'plain') return { onEvent: (e) => printEvent(e, con), stop: () => {} };
  const status = new Map<Format, string>();
  let drawn = 0;
  let frame = 0;
  let stopped = false;
  // Redraws the live lines in place: up over the ones drawn last time, then each line anew.
  const draw = () => {
    if (!status.size) return;
    let out = drawn ? `\x1b[${drawn}A` : '';
    for (const text of status.values()) out += `\x1b[2K${text.replace('%s', FRAMES[frame % FRAMES.length]!)}\n`;
    frame++;
    drawn = status.size;
    con.err(out);
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    onEvent(e) {
      if (stopped) return printEvent(e, con);
      if (e.type === 'start') status.set(e.format, `%s ${e.format.padEnd(5)} starting`);
      else if (e.type === 'progress') status.set(e.format, `%s ${e.format.padEnd(5)} ${e.message}`);
      else if (e.type === 'done') status.set(e.format, `✓ ${e.format.padEnd(5)} ${e.cached ? 'cached' : `done in ${seconds(e.ms)}`}`);
      else {
        printEvent(e, con);
        drawn = 0;
      }
      draw();
    },
    /** Draw the lines one last time and stop redrawing; later calls do nothing. */
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      draw();
    },
  };
}

/** One event as one plain line on stderr. */
export function printEvent(e: BuildEvent, con: Console): void {
  if (e.type === 'notice') con.err(`notice: ${e.message}`);
  else if (e.type === 'start') con.err(`[${e.format}] start`);
  else if (e.type === 'progress') con.err(`[${e.format}] ${e.message}`);
  else if (e.type === 'warn') con.err(formatMessage(e.message));
  else if (e.type === 'done') con.err(`[${e.format}] ${e.cached ? 'cached' : `done in ${seconds(e.ms)}`}`);
}

/** The closing table: artifact, size, time, cached. */
export function summaryTable(results: BuildResult[], totalMs: number): string {
  const rows = results.flatMap((r) =>
    r.artifact.files.map((f, i) => [
      path.relative(process.cwd(), f) || f,
      formatBytes(sizeOf(f)),
      i === 0 ? (r.cached ? '-' : seconds(r.ms)) : '',
      i === 0 ? (r.cached ? 'yes' : 'no') : '',
    ]),
  );
  const head = ['artifact', 'size', 'time', 'cached'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cols: string[]) => cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  // The deck, deck PDFs and PPTX share one talk: print its lines once.
  const notes = [...new Set(results.flatMap((r) => r.artifact.notes ?? []))];
  return [fmt(head), ...rows.map(fmt), `built in ${seconds(totalMs)}`, ...notes].join('\n');
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

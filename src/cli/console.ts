/** Where the CLI writes; injectable so tests can capture output. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
}

/** The process's own stdout/stderr. */
export const processConsole: Console = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  isTTY: Boolean(process.stderr.isTTY),
};

/** Human-readable size, e.g. `1.2 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

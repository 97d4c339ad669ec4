// Writes a ×N manuscript: the default speeches repeated under new titles.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** Repeat every speech of `source` n times, numbering the copies' titles. */
export function scaleManuscript(source, n) {
  const m = /^---\n[\s\S]*?\n---\n/.exec(source);
  const front = m ? m[0] : '';
  const body = source.slice(front.length);
  const speeches = body.split(/(?=^# )/m).filter((s) => s.startsWith('# '));
  const out = [];
  for (let i = 1; i <= n; i++) {
    for (const s of speeches) out.push(n === 1 ? s : s.replace(/^# (.*)$/m, `# $1（第${i}辑）`));
  }
  return front + '\n' + out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [src, n, dest] = process.argv.slice(2);
  mkdirSync(path.dirname(dest), { recursive: true });
  writeFileSync(dest, scaleManuscript(readFileSync(src, 'utf8'), Number(n)));
}

// One-paragraph edit for the incremental benchmark: toggles a word in the first paragraph.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const a = '亲自谋划、亲自推动';
const b = '亲自谋划、亲自部署';
writeFileSync(file, text.includes(a) ? text.replace(a, b) : text.replace(b, a));

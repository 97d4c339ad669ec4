import type { Nodes } from 'mdast';
import type { Book } from '../model/book.js';
import type { ParsedFile } from '../model/book.js';
import type { Finding } from './finding.js';
import { UNTITLED } from '../model/build-book.js';
import { plainText } from '../model/text.js';

/** Per speech: title, attribution and proposals found; what a speaker checks first. */
export function lintStructure(book: Book): Finding[] {
  const out: Finding[] = [];
  for (const ch of book.chapters) {
    const n = ch.index + 1;
    if (!plainText(ch.heading).trim()) {
      out.push({ severity: 'warning', code: 'S_EMPTY_TITLE', message: `speech ${n} has an empty heading; it is listed as ${UNTITLED}`, location: ch.location });
    }
    if (!ch.attribution) {
      out.push({ severity: 'warning', code: 'S_NO_ATTRIBUTION', message: `speech ${n} 《${ch.title}》 has no （摘自……） attribution as its last paragraph`, location: ch.location });
    }
    if (ch.paragraphs.length === 0) {
      out.push({ severity: 'error', code: 'S_EMPTY', message: `speech ${n} 《${ch.title}》 has no paragraphs`, location: ch.location });
    }
    const titles = ch.proposals.map((p) => `${p.ordinal}. ${p.title}`).join(' · ');
    out.push({
      severity: ch.proposals.length ? 'info' : 'warning',
      code: 'S_PROPOSALS',
      message: ch.proposals.length
        ? `speech ${n} 《${ch.title}》: ${ch.proposals.length} proposals: ${titles}`
        : `speech ${n} 《${ch.title}》: no proposals found (bold the lead sentence of each, or use 一是/一、 enumerators)`,
      location: ch.location,
    });
  }
  return out;
}

/** Markdown an output would drop or alter, so the author is not surprised. */
export function lintDropped(files: ParsedFile[]): Finding[] {
  const out: Finding[] = [];
  files.forEach((f, i) => {
    const walk = (node: Nodes) => {
      const location = { file: f.path, line: node.position?.start.line, column: node.position?.start.column };
      if (node.type === 'html' && !/^<!--[\s\S]*-->$/.test(node.value.trim())) {
        out.push({ severity: 'warning', code: 'M_RAW_HTML', message: 'raw HTML is sanitized in the EPUB, reduced to its text in the PDF and left off the slides', location });
      } else if (node.type === 'yaml' && i > 0) {
        out.push({ severity: 'warning', code: 'M_FRONT_MATTER', message: 'only the first file’s front matter is read; this one is ignored', location });
      } else if (node.type === 'delete') {
        out.push({ severity: 'info', code: 'M_STRIKEOUT', message: 'struck-out text prints in the PDF without the line (its TeX package, ulem, is not in the Debian packages bookdeck installs)', location });
      } else if (node.type === 'heading' && node.depth > 3) {
        out.push({ severity: 'info', code: 'M_DEEP_HEADING', message: `an H${node.depth} is printed like an H3`, location });
      }
      if ('children' in node) for (const c of node.children) walk(c as Nodes);
    };
    walk(f.tree);
  });
  return out;
}

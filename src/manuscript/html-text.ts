import type { Nodes, Root } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { BookdeckError } from '../errors.js';
import { NOT_XML } from '../xml-chars.js';
import { append } from '../append.js';

const CHAR_REF = /&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi;

function decodeRef(m: string, ref: string): string {
  if (ref[0] !== '#') return decodeNamedCharacterReference(ref) || m;
  const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
}

/** HTML character references (`&amp;`, `&eacute;`, `&#x4E01;`) decoded; an unknown or invalid one stays as written. */
export function decodeCharRefs(s: string): string {
  return s.replace(CHAR_REF, decodeRef);
}

/** Refuse raw HTML whose character references (`&#1;`) make a character no XML output can hold. */
export function refuseNonXmlCharRefs(tree: Root, file: string): void {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'html' && NOT_XML.test(decodeCharRefs(node.value))) {
      throw new BookdeckError('E_CONTROL_CHAR', 'raw HTML holds a character reference (such as &#1;) to a control character no e-book can carry', {
        location: { file, line: node.position?.start.line, column: node.position?.start.column },
        hint: 'delete the reference',
      });
    }
    if ('children' in node) append(stack, node.children as Nodes[]);
  }
}

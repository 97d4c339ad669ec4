import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Root, RootContent, Text, PhrasingContent } from 'mdast';
import type { ParsedFile } from '../model/book.js';
import type { SourceFile } from './read.js';
import { checkLimits, refuseTooManyParagraphs } from '../model/limits.js';
import { refuseDeepNesting } from '../model/nesting.js';
import { endAutolinksAtCjk } from './cjk-autolink.js';
import { refuseNonXmlCharRefs } from './html-text.js';

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkDirective);

/** Parse a decoded file to mdast. The one Markdown parse in the whole pipeline. */
export function parseSource(src: SourceFile): ParsedFile {
  refuseDeepNesting(src.text, src.path);
  refuseTooManyParagraphs(src.text, src.path);
  return finish(src, processor.runSync(processor.parse(src.text)) as Root);
}

/**
 * Parse a file again with `borrowed` (definition lines of other files) after its text, so
 * micromark resolves the references they define, then drop what lies past the file's end:
 * every position of the author's text is as in `alone`, the file parsed by itself. When the
 * borrowed lines would change the parse of the text (an unclosed fence taking them in),
 * `alone` stands.
 */
export function parseBorrowing(src: SourceFile, borrowed: string, alone: ParsedFile): ParsedFile {
  const end = src.text.length;
  const sep = src.text.endsWith('\n') ? '\n' : '\n\n';
  const tree = processor.runSync(processor.parse(src.text + sep + borrowed)) as Root;
  const own = tree.children.filter((n) => n.position!.start.offset! < end);
  if (own.length !== alone.tree.children.length || own.some((n) => n.position!.end.offset! > end)) return alone;
  tree.children = own;
  if (alone.tree.position) tree.position = alone.tree.position;
  return finish(src, tree);
}

/** The checks and repairs every parsed tree goes through. */
function finish(src: SourceFile, tree: Root): ParsedFile {
  checkLimits(tree, src.path);
  refuseNonXmlCharRefs(tree, src.path);
  endAutolinksAtCjk(tree, src.text);
  literalizeInlineDirectives(tree, src.text);
  return { path: src.path, text: src.text, tree };
}

type Parent = { children: (RootContent | PhrasingContent)[] };

/**
 * Only `:::name` containers are bookdeck markup. Prose such as `注意:abc` must stay
 * prose, so text and leaf directives are turned back into their exact source text.
 */
function literalizeInlineDirectives(node: Parent | Root, source: string): void {
  const kids = node.children as (RootContent | PhrasingContent)[];
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i]!;
    if ((kid.type === 'textDirective' || kid.type === 'leafDirective') && kid.position) {
      const value = source.slice(kid.position.start.offset, kid.position.end.offset);
      const text: Text = { type: 'text', value, position: kid.position };
      kids[i] = kid.type === 'leafDirective' ? ({ type: 'paragraph', children: [text], position: kid.position } as RootContent) : text;
    } else if ('children' in kid) {
      literalizeInlineDirectives(kid as Parent, source);
    }
  }
}

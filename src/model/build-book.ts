import path from 'node:path';
import type { Heading, Paragraph, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { BookdeckError } from '../errors.js';
import type { BookMeta } from '../config/schema.js';
import type { ParsedFile } from '../manuscript/parse.js';
import type { Book, Chapter, Para } from './book.js';
import { checkLimits } from './limits.js';
import { extractProposals, type KeyPointOverride } from './proposals.js';
import { ATTRIBUTION, plainText } from './text.js';

/** Container directives bookdeck understands; any other name is an error. */
const CONTAINERS = ['context', 'keypoints'] as const;

/** Parsed manuscript files → the Book every emitter reads. Pure. */
export function buildBook(files: ParsedFile[], meta: BookMeta): Book {
  const chapters: Chapter[] = [];
  let pending: { heading: Heading; file: string; body: RootContent[] } | undefined;
  const close = () => {
    if (pending) chapters.push(makeChapter(chapters.length, pending.heading, pending.file, pending.body));
  };
  for (const file of files) {
    checkLimits(file.tree, file.path);
    for (const node of file.tree.children) {
      if (node.type === 'yaml') continue;
      if (node.type === 'heading' && node.depth === 1) {
        close();
        pending = { heading: node, file: file.path, body: [] };
      } else if (pending) {
        pending.body.push(node);
      } else if (!isBlankNode(node)) {
        throw new BookdeckError('E_NO_H1', 'text before the first H1 belongs to no speech', {
          location: { file: file.path, line: node.position?.start.line },
          hint: 'start each speech with a `# 标题` line',
        });
      }
    }
  }
  close();
  if (chapters.length === 0) {
    const file = files[0]?.path ?? '(manuscript)';
    throw new BookdeckError('E_NO_H1', 'the manuscript has no H1 heading, so it has no speeches', {
      location: { file, line: 1 },
      hint: 'start each speech with a `# 标题` line',
    });
  }
  return { meta, chapters, root: path.dirname(path.resolve(files[0]!.path)), files: files.map((f) => f.path) };
}

function makeChapter(index: number, heading: Heading, file: string, blocks: RootContent[]): Chapter {
  const id = `s${index + 1}`;
  const title = plainText(heading).trim();
  const location = { file, line: heading.position?.start.line, column: heading.position?.start.column };
  if (title === '') {
    throw new BookdeckError('E_EMPTY_TITLE', 'this speech heading has no text', { location, hint: 'write the title after `# `' });
  }
  let body = [...blocks];
  let attribution: Para | undefined;
  const last = body.at(-1);
  if (last?.type === 'paragraph' && ATTRIBUTION.test(plainText(last))) {
    body.pop();
    attribution = para(`${id}-attribution`, last, file, 'body');
  }
  const paragraphs: Para[] = [];
  const overrides = new Map<Paragraph, KeyPointOverride>();
  collectParagraphs(body, file, 'body', (node, role) => {
    const p = para(`${id}-p${paragraphs.length + 1}`, node, file, role);
    paragraphs.push(p);
  }, overrides);
  // The override list is deck data: the EPUB and PDF, which print `body`, never see it.
  body = body.filter((n) => !(n.type === 'containerDirective' && n.name === 'keypoints'));
  return {
    id,
    index,
    title,
    heading,
    body,
    paragraphs,
    ...(attribution ? { attribution } : {}),
    proposals: extractProposals(index, paragraphs, overrides),
    location,
  };
}

function collectParagraphs(
  nodes: RootContent[],
  file: string,
  role: Para['role'],
  visit: (p: Paragraph, role: Para['role']) => void,
  overrides: Map<Paragraph, KeyPointOverride>,
): void {
  nodes.forEach((node, i) => {
    if (node.type === 'paragraph') visit(node, role);
    else if (node.type === 'containerDirective') {
      const name = checkContainer(node, file);
      if (name === 'context') collectParagraphs(node.children, file, 'context', visit, overrides);
      if (name === 'keypoints') {
        const prev = nodes[i - 1];
        const at = { file, line: node.position?.start.line, column: node.position?.start.column };
        if (prev?.type !== 'paragraph' || role !== 'body') {
          throw new BookdeckError('E_KEYPOINTS', ':::keypoints must come directly after a proposal paragraph', {
            location: at,
            hint: 'put it right under a paragraph that opens with a bold lead sentence (**……。**)',
          });
        }
        overrides.set(prev, keyPointList(node, file));
      }
    }
  });
}

/** A `:::keypoints` container → its list items, each with its line for error messages. */
function keyPointList(node: ContainerDirective, file: string): KeyPointOverride {
  const location = { file, line: node.position?.start.line, column: node.position?.start.column };
  const [list, ...rest] = node.children;
  if (list?.type !== 'list' || rest.length > 0) {
    throw new BookdeckError('E_KEYPOINTS', ':::keypoints must hold exactly one list', {
      location,
      hint: 'write one `- 原文片段` line per key point between `:::keypoints` and `:::`',
    });
  }
  const points = list.children.map((item) => ({
    text: plainText(item).trim(),
    location: { file, line: item.position?.start.line, column: item.position?.start.column },
  }));
  return { points, location };
}

function checkContainer(node: ContainerDirective, file: string): string {
  if (!(CONTAINERS as readonly string[]).includes(node.name)) {
    throw new BookdeckError('E_DIRECTIVE', `unknown container ':::${node.name}'`, {
      location: { file, line: node.position?.start.line, column: node.position?.start.column },
      hint: `bookdeck knows ${CONTAINERS.map((c) => `:::${c}`).join(' and ')}`,
    });
  }
  return node.name;
}

function para(id: string, node: Paragraph, file: string, role: Para['role']): Para {
  return {
    id,
    text: plainText(node),
    node,
    role,
    location: { file, line: node.position?.start.line, column: node.position?.start.column },
  };
}

function isBlankNode(node: RootContent): boolean {
  return node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim());
}

/** A pandoc title block (`% title`, `% author(s)`, `% date`) and the lines it stood on. */
export interface TitleBlock {
  title?: string;
  authors: string[];
  date?: string;
  /** 1-based line of each field, for messages. */
  lines: { title?: number; author?: number; date?: number };
}

/**
 * Split a pandoc title block off the start of a manuscript, as pandoc reads it: up to
 * three `%` lines (title, authors separated by `;`, date), each continued by lines that
 * start with a space. The block's lines become blank lines, so every later line keeps its
 * number. Pure.
 */
export function splitTitleBlock(text: string): { block?: TitleBlock; text: string } {
  const lines = text.split('\n');
  if (!lines[0]?.startsWith('%')) return { text };
  const fields: { value: string; line: number }[] = [];
  let end = 0;
  while (end < lines.length && fields.length <= 3) {
    const line = lines[end]!;
    if (line.startsWith('%') && fields.length < 3) fields.push({ value: line.slice(1).trim(), line: end + 1 });
    else if (/^[ \t]+\S/.test(line) && fields.length > 0) fields.at(-1)!.value += `\n${line.trim()}`;
    else break;
    end++;
  }
  const [title, author, date] = fields;
  const block: TitleBlock = {
    ...(title?.value ? { title: title.value.replace(/\n/g, ' ') } : {}),
    authors: author ? author.value.split(/[;\n]/).map((a) => a.trim()).filter(Boolean) : [],
    ...(date?.value ? { date: date.value.replace(/\n/g, ' ') } : {}),
    lines: { ...(title ? { title: title.line } : {}), ...(author ? { author: author.line } : {}), ...(date ? { date: date.line } : {}) },
  };
  return { block, text: [...lines.slice(0, end).map(() => ''), ...lines.slice(end)].join('\n') };
}


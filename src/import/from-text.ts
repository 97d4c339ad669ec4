import { readSource } from '../manuscript/read.js';
import { dropControls } from './controls.js';
import { dateOfLines, textParagraph, type Draft } from './draft.js';
import { reflow } from './reflow.js';

/** A hard-wrapped text file → a draft: one speech per document the reflow finds, none titled. */
export async function importText(file: string): Promise<Draft> {
  const source = await readSource(file);
  const { text, warnings } = dropControls(source.text, file, { keepFormFeed: true });
  const notices = source.notices;
  const docs = reflow(text).map((doc) => [...doc.paragraphs, ...(doc.attribution === undefined ? [] : [doc.attribution])]);
  return { file, speeches: docs.map((d) => ({ body: d.map(textParagraph) })), date: dateOfLines(docs.flat()), notices, warnings };
}

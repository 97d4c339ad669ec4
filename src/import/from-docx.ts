import type { Draft } from './draft.js';
import type { ImportOptions } from './index.js';
export async function importDocx(file: string, _opts: ImportOptions): Promise<Draft> { void file; throw new Error('todo'); }

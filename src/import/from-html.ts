import type { Draft } from './draft.js';

export async function importHtml(file: string): Promise<Draft> { void file; throw new Error('todo'); }

import { it } from 'vitest';
import { chromiumPdf } from './import-fixtures.js';
it('gen', async () => { console.log(await chromiumPdf()); });

import { staleReason } from '../scripts/stale.mjs';

/** What the tests run that is built from `src/`: the CLI bundle (the rest of the tests import src/ through vitest). */
const COMPILED = ['lib/bundle/bookdeck.cjs'];

/** Why the compiled CLI the tests run would not be the code in `src/`; undefined when fresh. */
export async function staleBundle(root: string): Promise<string | undefined> {
  return staleReason(root, COMPILED);
}

import { staleReason } from '../scripts/stale.mjs';

/** What `npm run compile` writes that the tests run: the bundle, and tsc's output (bench/keypoints.mjs imports lib/). */
const COMPILED = ['lib/bundle/bookdeck.cjs', 'lib/manuscript/load.js'];

/** Why the compiled CLI and lib/ the tests run would not be the code in `src/`; undefined when fresh. */
export async function staleBundle(root: string): Promise<string | undefined> {
  return staleReason(root, COMPILED);
}

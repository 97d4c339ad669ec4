/** Why the built `outputs` (paths under `root`, default the CLI bundle) would not run the code in src/; undefined when fresh. */
export function staleReason(root: string, outputs?: string[]): string | undefined;

import { execa } from 'execa';

/** fc-list's listing, `family<TAB>file<TAB>index` a line (families comma-separated); empty without fontconfig. */
export async function fcListing(): Promise<string> {
  const res = await execa('fc-list', ['--format', '%{family}\t%{file}\t%{index}\n'], { reject: false, timeout: 10_000, stdin: 'ignore' }).catch(() => undefined);
  return res?.exitCode === 0 ? String(res.stdout) : '';
}

/** The family fontconfig substitutes for `face`; undefined without fontconfig. */
export async function fcMatch(face: string): Promise<string | undefined> {
  const res = await execa('fc-match', ['--format', '%{family[0]}', face], { reject: false, timeout: 10_000, stdin: 'ignore' }).catch(() => undefined);
  return res?.exitCode === 0 && res.stdout ? String(res.stdout) : undefined;
}

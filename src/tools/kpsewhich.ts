import { execa } from 'execa';

/** The file kpsewhich finds for `name` in TeX Live; undefined when it finds none or TeX Live is absent. */
export async function kpsewhich(name: string): Promise<string | undefined> {
  const res = await execa('kpsewhich', [name], { reject: false, timeout: 10_000, stdin: 'ignore' }).catch(() => undefined);
  const file = res?.exitCode === 0 ? String(res.stdout).trim() : '';
  return file || undefined;
}

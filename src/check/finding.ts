import { formatLocation, type Location } from '../errors.js';

/** How bad a finding is: errors fail `check`, warnings fail it only with --strict. */
export type Severity = 'error' | 'warning' | 'info';

/** One thing `bookdeck check` reports. */
export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  location?: Location;
}

/** `file:line:column: severity CODE: message`, the form editors jump to. */
export function formatFinding(f: Finding): string {
  return `${f.location ? `${formatLocation(f.location)}: ` : ''}${f.severity} ${f.code}: ${f.message}`;
}

/** Findings in file and line order. */
export function sortFindings(fs: Finding[]): Finding[] {
  const key = (f: Finding) => [f.location?.file ?? '', f.location?.line ?? 0, f.location?.column ?? 0] as const;
  return [...fs].sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb;
  });
}

/** A `{{name}}` placeholder in a page template. */
const PLACEHOLDER = /\{\{([A-Za-z][\w-]*)\}\}/g;

/**
 * Fill a template's `{{name}}` placeholders in one pass over the template: each value goes
 * in as given (escape it first) and is never searched again, so a title that holds
 * `{{slides}}` stays text; a name without a value stays as written. Pure.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

/**
 * Cut a template at the first `{{name}}` of the template itself (found before any value is
 * put in), and fill the placeholders on either side: the text before and after it, or
 * undefined when the template has no such placeholder. Pure.
 */
export function cutAtPlaceholder(template: string, name: string, values: Readonly<Record<string, string>>): [string, string] | undefined {
  const mark = `{{${name}}}`;
  const at = template.indexOf(mark);
  if (at === -1) return undefined;
  return [fillPlaceholders(template.slice(0, at), values), fillPlaceholders(template.slice(at + mark.length), values)];
}

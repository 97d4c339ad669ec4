import { z } from 'zod';
import { ENTRIES } from './tables.js';

type Shape = { [key: string]: z.ZodTypeAny | Shape };

/**
 * The config's `build:` or `deck:` section, made from the option tables: each option with a
 * config key under it, with its schema (the limits the flag has too), all optional, unknown
 * keys refused at every level (`build.gongwen.fonts`).
 */
export function configSection(section: 'build' | 'deck'): z.ZodType<Record<string, unknown>, z.ZodTypeDef, unknown> {
  const root: Shape = {};
  for (const { spec } of ENTRIES) {
    const [head, ...rest] = spec.config?.split('.') ?? [];
    if (head !== section || !rest.length) continue;
    let at = root;
    for (const key of rest.slice(0, -1)) {
      at[key] ??= {};
      at = at[key] as Shape;
    }
    at[rest.at(-1)!] = spec.schema;
  }
  return objectOf(root);
}

function objectOf(shape: Shape): z.ZodTypeAny {
  return z
    .object(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, (v instanceof z.ZodType ? v : objectOf(v)).optional()])))
    .strict();
}

/** A config value by its dotted key, e.g. `build.gongwen.fonts`; undefined when absent. */
export function configValue(config: unknown, key: string): unknown {
  let at: unknown = config;
  for (const k of key.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[k] : undefined;
  return at;
}

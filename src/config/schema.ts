import { z } from 'zod';

/** ISO date `YYYY-MM-DD`, the form every output derives its dates from. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD, e.g. 2018-07-26');

/** Front matter of a manuscript: the book's metadata. Unknown keys are errors. */
export const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1, 'the book needs a title'),
    subtitle: z.string().trim().min(1).optional(),
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 tag such as zh-Hans').default('zh-Hans'),
    date: isoDate,
    author: z.string().trim().min(1).optional(),
    publisher: z.string().trim().min(1).optional(),
    identifier: z.string().trim().min(1).optional(),
    description: z.string().trim().min(1).optional(),
    keywords: z.array(z.string().trim().min(1)).optional(),
    rights: z.string().trim().min(1).optional(),
  })
  .strict();

/** Book metadata after validation and defaults. */
export type BookMeta = z.infer<typeof frontMatterSchema>;

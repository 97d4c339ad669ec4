import { z } from 'zod';
import { NOT_XML } from '../xml-chars.js';

/** A YAML escape such as `"\\x02"` puts a character into a value that no XML output can hold. */
export const xmlSafe = (s: z.ZodString) => s.refine((v) => !NOT_XML.test(v), 'holds a control character (U+0001–U+001F, U+FFFE/U+FFFF) that no e-book can carry');

/** Text a value must have: trimmed, not empty, XML-safe. */
export const text = xmlSafe(z.string().trim().min(1));

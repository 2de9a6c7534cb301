import { z } from 'zod';
import terminologyFile from '../../data/terminology.json';

const mongolianText = /\p{Script=Mongolian}/u;

/**
 * One institution or legal term in both languages. `mn` is exact to the code point (U+202F before
 * suffixes, U+180E before a final a/e); `confidence` says whether a published Inner Mongolian text
 * has it ("attested", with the source) or not yet ("unconfirmed", with the reasoning).
 */
const termSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'lower-case words joined by "-", e.g. "procuratorate"' }),
  zh: z.string().trim().min(1, { error: 'write the Chinese term' }),
  mn: z
    .string()
    .trim()
    .regex(mongolianText, { error: 'write the term in Mongolian script' })
    .refine((text) => !/\p{Script=Mongolian} (ᠤᠨ|ᠦᠨ|ᠶᠢᠨ|ᠤ|ᠦ|ᠳᠤ|ᠲᠤ|ᠳᠦ|ᠲᠦ|ᠶᠢ|ᠢ)(?!\p{Script=Mongolian})/u.test(text), {
      error: 'a case suffix follows a plain space; join it with U+202F (narrow no-break space)',
    }),
  confidence: z.enum(['attested', 'unconfirmed'], { error: '"attested" or "unconfirmed"' }),
  source: z.string().trim().min(1, { error: 'give the URL or reference, or why the term is unconfirmed' }),
  note: z.string().trim().min(1, { error: 'say how the term is used' }),
  variants: z.array(z.string().trim().regex(mongolianText, { error: 'Mongolian spellings only' })).default([]),
});

const terminologySchema = z.strictObject({ terms: z.array(termSchema).min(1) }).superRefine((file, context) => {
  const seen = new Set<string>();
  file.terms.forEach((term, index) => {
    if (seen.has(term.id)) {
      context.addIssue({ code: 'custom', path: ['terms', index, 'id'], message: `id "${term.id}" appears twice` });
    }
    seen.add(term.id);
  });
});

export type Term = z.infer<typeof termSchema>;

/** Parses a terminology file; the error names each wrong term (by id or position) and field. */
export function parseTerminology(input: unknown): { terms: Term[] } {
  const result = terminologySchema.safeParse(input);
  if (result.success) return result.data;
  const raw = input as { terms?: Array<{ id?: unknown }> };
  const problems = result.error.issues.map((issue) => {
    const [, index, field] = issue.path;
    const id = typeof index === 'number' ? raw.terms?.[index]?.id : undefined;
    const where = typeof index === 'number' ? `term ${typeof id === 'string' ? `"${id}"` : `#${index + 1}`}` : 'file';
    return `src/data/terminology.json, ${where}${field === undefined ? '' : `, field "${String(field)}"`}: ${issue.message}`;
  });
  throw new Error(problems.join('\n'));
}

/** The site's terms, checked when this module loads (so a bad edit stops the build). */
export const terminology = parseTerminology(terminologyFile);

const termsById = new Map(terminology.terms.map((term) => [term.id, term]));

/**
 * The Mongolian form of one term.
 * @example termMn('procuratorate') // 'ᠠᠷᠠᠳ ᠤᠨ ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠬᠣᠷᠢᠶ᠎ᠠ' (with U+202F)
 */
export function termMn(id: string): string {
  const term = termsById.get(id);
  if (!term) throw new Error(`No term "${id}" in src/data/terminology.json: add it there or fix the id.`);
  return term.mn;
}

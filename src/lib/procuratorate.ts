import { z } from 'zod';
import identityFile from '../data/procuratorate.json';
import { termMn } from './mongolian/terminology';

const textInBothLanguages = z.strictObject({
  zh: z.string().trim().min(1),
  mn: z.string().trim().min(1),
});

/**
 * Who runs the site. Another procuratorate reuses the site by editing src/data/procuratorate.json;
 * this schema stops the build when that file lacks a field, naming the field.
 */
export const procuratorateSchema = z.strictObject({
  // The Mongolian names use the procuratorate terms of src/data/terminology.json, so a change of
  // term there cannot leave the header and footer on the old one.
  name: textInBothLanguages.refine((name) => name.mn.endsWith(termMn('procuratorate')), {
    error: `name.mn: end with the term for 人民检察院 from src/data/terminology.json, "${termMn('procuratorate')}", after the place and its genitive`,
  }),
  shortName: textInBothLanguages.refine((name) => name.mn.includes(termMn('procuratorial')), {
    error: `shortName.mn: contain the term for 检察 from src/data/terminology.json, "${termMn('procuratorial')}"`,
  }),
  region: textInBothLanguages,
  address: textInBothLanguages,
  postcode: z.string().regex(/^\d{6}$/, { error: 'postcode: six digits, e.g. "028000"' }),
  hotline: z.string().regex(/^[\d-]+$/, { error: 'hotline: digits only, e.g. "12309"' }),
  officePhone: z.string().regex(/^[\d-]+$/, { error: 'officePhone: digits and "-", e.g. "0475-1234567"' }),
});

export type Procuratorate = z.infer<typeof procuratorateSchema>;

export const procuratorate: Procuratorate = procuratorateSchema.parse(identityFile);

// zod/mini: the tip form's script needs the ids, and its bundle must stay small.
import * as z from 'zod/mini';
import categoriesFile from '../data/public-interest-categories.json';
import regionsFile from '../data/regions.json';

const label = z.strictObject({ zh: z.string().check(z.minLength(1)), mn: z.string().check(z.minLength(1)) });

const categoriesSchema = z.object({
  categories: z.array(z.strictObject({ id: z.string().check(z.regex(/^[a-z-]+$/)), label })).check(z.minLength(1)),
});

const regionsSchema = z.object({
  regions: z
    .array(z.strictObject({ id: z.string().check(z.regex(/^[a-z-]+$/)), city: z.string(), label, mnFromGlossary: z.boolean() }))
    .check(z.minLength(1)),
});

/** Public-interest areas: the one list shared by cases, search filters and the tip form. */
export const publicInterestCategories = categoriesSchema.parse(categoriesFile).categories;

/** Banners, counties, districts and cities, for cases and tips. */
export const regions = regionsSchema.parse(regionsFile).regions;

export const categoryIds = publicInterestCategories.map((category) => category.id) as [string, ...string[]];
export const regionIds = regions.map((region) => region.id) as [string, ...string[]];

export type CategoryId = (typeof categoryIds)[number];
export type RegionId = (typeof regionIds)[number];

/** Label of a category in a language, or the id itself when unknown (never throws while rendering). */
export function categoryLabel(id: string, locale: 'zh' | 'mn'): string {
  return publicInterestCategories.find((category) => category.id === id)?.label[locale] ?? id;
}

export function regionLabel(id: string, locale: 'zh' | 'mn'): string {
  return regions.find((region) => region.id === id)?.label[locale] ?? id;
}

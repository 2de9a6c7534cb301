// valibot, like the tip schema: the tip form's script needs the ids, and its bundle must stay small.
import * as v from 'valibot';
import categoriesFile from '../data/public-interest-categories.json';
import regionsFile from '../data/regions.json';

const text = v.pipe(v.string(), v.minLength(1));
const id = v.pipe(v.string(), v.regex(/^[a-z-]+$/));
const label = v.strictObject({ zh: text, mn: text });

const categoriesSchema = v.object({
  categories: v.pipe(v.array(v.strictObject({ id, label })), v.minLength(1)),
});

const regionsSchema = v.object({
  regions: v.pipe(v.array(v.strictObject({ id, city: v.string(), label, mnFromGlossary: v.boolean() })), v.minLength(1)),
});

/** Public-interest areas: the one list shared by cases, search filters and the tip form. */
export const publicInterestCategories = v.parse(categoriesSchema, categoriesFile).categories;

/** Banners, counties, districts and cities, for cases and tips. */
export const regions = v.parse(regionsSchema, regionsFile).regions;

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

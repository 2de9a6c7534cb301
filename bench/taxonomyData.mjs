// The category and region ids, read from the same data files the site uses.
import { readFileSync } from 'node:fs';

export const publicInterestCategories = JSON.parse(readFileSync('src/data/public-interest-categories.json', 'utf8')).categories;
export const regions = JSON.parse(readFileSync('src/data/regions.json', 'utf8')).regions;

// The fixed lists publications choose from (besides categories and regions, which are data in
// src/data/). No imports here, so scripts/new-publication.mjs can read this file with plain Node.

export const contentLanguages = ['zh', 'mn'] as const;
export const translationStatuses = ['original', 'reviewed', 'unreviewed'] as const;

export const caseTypes = ['public-interest-litigation', 'judicial-aid', 'minors-protection', 'criminal', 'civil', 'administrative-supervision'] as const;

/** What an outcome figure counts; the unit shown beside the number follows from it. */
export const figureMeasures = ['yuan', 'people', 'mu', 'cases', 'items', 'percent'] as const;

export const articleTopics = ['elder-fraud', 'public-interest-litigation', 'judicial-aid', 'minors', 'wages', 'personal-information', 'ecology'] as const;

export const audiences = ['elderly', 'minors', 'parents', 'enterprises', 'farmers-herders', 'workers', 'general'] as const;

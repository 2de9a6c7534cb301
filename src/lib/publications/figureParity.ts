// A case's outcome figures are facts: a translation words their labels in Mongolian but carries the
// same figures, in the same order, as its original. No imports: the Mongolian check (plain Node)
// and the CMS bundle share this file.

export interface FigureFacts {
  measure?: unknown;
  value?: unknown;
}

/** One way a translation's figures differ from its original's; `index` counts from 0. */
export type FigureMismatch = { kind: 'count'; original: number; translation: number } | { kind: 'measure' | 'value'; index: number; original: unknown; translation: unknown };

const figuresOf = (value: unknown): FigureFacts[] => (Array.isArray(value) ? value.filter((item) => typeof item === 'object' && item !== null) : []);

/**
 * Where the translation's figures are not the original's: how many there are, and for each the
 * measure and the value. A translation without a figures field has none, like its default.
 * @example figureMismatches([{ measure: 'yuan', value: 690000 }], [{ measure: 'yuan', value: 69000 }])
 * // [{ kind: 'value', index: 0, original: 690000, translation: 69000 }]
 */
export function figureMismatches(originalFigures: unknown, translationFigures: unknown): FigureMismatch[] {
  const original = figuresOf(originalFigures);
  const translation = figuresOf(translationFigures);
  if (original.length !== translation.length) return [{ kind: 'count', original: original.length, translation: translation.length }];
  return original.flatMap((figure, index) =>
    (['measure', 'value'] as const)
      .filter((part) => figure[part] !== translation[index]![part])
      .map((part) => ({ kind: part, index, original: figure[part], translation: translation[index]![part] })),
  );
}

// Builds the Mongolian web font we ship: a subset of Noto Sans Mongolian (SIL OFL 1.1) that keeps
// the whole Mongolian block, the free variation selectors and the joiners that real Mongolian text
// uses, with the shaping tables intact. The source is the exact version pinned in package.json,
// so the output is the same on every machine.
//
// Why build 2.003 (@fontsource/noto-sans-mongolian 4.5.9) and not 3.002 (5.x): a side-by-side
// screenshot of the same text (docs/font-build-comparison.png) shows 3.002 drawing some final forms and
// FVS-marked letters by the newer Unicode model, unlike the Inner Mongolian text we publish, which
// follows the Chinese national encoding; 2.003 draws it as printed there, and is 33 KB against 49 KB.
// 2.003 has no glyph for FVS4 (U+180F), a default-ignorable code point browsers never draw.
//   npm run font                       writes public/fonts/noto-sans-mongolian.woff2 (+ -chrome.woff2)
//   npm run font -- <source> <target>  subsets another build (to compare builds before choosing one)
// `npm run build` and `npm run dev` run it first, so the fonts always match the pinned source.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);

/**
 * Code points kept: the Mongolian block (U+1800–18AF, FVS1–4 and MVS among them), NNBSP, ZWNJ/ZWJ,
 * and ASCII, which Mongolian dates and figures are written in.
 *
 * Not kept: the vertical forms ︽︾ ︵︶ ︖ (U+FE10–FE19, U+FE30–FE4F). Like every glyph of this font,
 * its ︽ is drawn for a horizontal line (it looks like 《), because browsers turn Mongolian text on
 * its side in vertical columns. But these code points are "upright" characters (Unicode
 * Vertical_Orientation U), so Chromium draws them without turning them, and ︽ came out lying on
 * its side. Left to the reader's CJK font (every system that reads Chinese has one), they are drawn
 * upright with their true vertical shapes. See fonts.css.
 */
export const keptRanges = [
  [0x1800, 0x18af],
  [0x202f, 0x202f],
  [0x200c, 0x200d],
  [0x0020, 0x007e],
];

/** Mongolian punctuation (birga to the four dots: ᠀ ᠁ ᠂ ᠃ ᠄ ᠅ …), kept in every subset. */
const mongolianPunctuation = [0x1800, 0x180a];

function charactersOf(ranges) {
  let text = '';
  for (const [first, last] of ranges) {
    for (let codePoint = first; codePoint <= last; codePoint += 1) text += String.fromCodePoint(codePoint);
  }
  return text;
}

const defaultSource = require.resolve('@fontsource/noto-sans-mongolian/files/noto-sans-mongolian-all-400-normal.woff');

/**
 * Chinese pages show a few Mongolian words (the procuratorate's name, the language switcher), so
 * they get a second, tiny font with only those letters; the full font stays on Mongolian pages.
 * The letters are read from the files that hold those words, so editing them needs no font work.
 */
export const chromeTextFiles = ['src/data/procuratorate.json', 'src/i18n/locales.ts'];

async function mongolianCharactersIn(files) {
  const characters = new Set([...' \u202f\u180b\u180c\u180d\u180e', ...charactersOf([mongolianPunctuation])]);
  for (const file of files) {
    for (const character of await readFile(file, 'utf8')) {
      if (/[\u1800-\u18af]/u.test(character)) characters.add(character);
    }
  }
  return [...characters].join('');
}

async function writeSubset(source, characters, target) {
  const subset = await subsetFont(await readFile(source), characters, {
    targetFormat: 'woff2',
    // TrueType hinting is most of the file and is ignored by the browsers and screens our readers use.
    noHinting: true,
  });
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, subset);
  console.log(`${target}: ${(subset.length / 1024).toFixed(1)} KB from ${path.basename(source)}`);
}

const [sourceArgument, targetArgument] = process.argv.slice(2);
if (sourceArgument) {
  await writeSubset(sourceArgument, charactersOf(keptRanges), targetArgument ?? 'font-subset.woff2');
} else {
  await writeSubset(defaultSource, charactersOf(keptRanges), 'public/fonts/noto-sans-mongolian.woff2');
  await writeSubset(defaultSource, await mongolianCharactersIn(chromeTextFiles), 'public/fonts/noto-sans-mongolian-chrome.woff2');
}

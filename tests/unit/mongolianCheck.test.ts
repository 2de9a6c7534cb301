import { describe, expect, it } from 'vitest';
import { checkMongolianText } from '../../src/lib/mongolian/checkText';
import { numberSound } from '../../src/lib/mongolian/numberSound';
import { stemSound } from '../../src/lib/mongolian/stemSound';
import { missingFacts, missingSections, termsTranslatedOtherwise, chineseNumberValue } from '../../src/lib/mongolian/compareTranslation';
import { checkMongolianSources } from '../../src/lib/mongolian/checkSite';
import { textLinesOfMdx } from '../../src/lib/mongolian/sourceText';

const J = '\u202F';
const rules = (text: string) => checkMongolianText(text).map((finding) => finding.rule);
const fixes = (text: string) => checkMongolianText(text).map((finding) => finding.fix);

describe('stem sounds', () => {
  it('read vowel class and ending from the spelling', () => {
    expect(stemSound('ᠬᠣᠲᠠ')).toEqual({ vowelClass: 'back', ending: 'vowel' });
    expect(stemSound('ᠵᠥᠷᠢᠴᠡᠯ')).toEqual({ vowelClass: 'front', ending: 'consonant' });
    expect(stemSound('ᠬᠣᠰᠢᠭᠤᠨ')).toEqual({ vowelClass: 'back', ending: 'n' });
    expect(stemSound('ᠰᠢᠯᠢ').vowelClass).toBe('front'); // only i
    expect(stemSound('ᠬᠥᠬᠡᠬᠣᠲᠠ').vowelClass).toBe('back'); // a compound takes its last part's suffixes
  });

  it('give no class where only a later ᠣ/ᠤ or ᠥ/ᠦ, which look alike, would decide', () => {
    expect(stemSound('ᠮᠢᠨᠦ᠋ᠲ').vowelClass).toBeUndefined();
    expect(checkMongolianText(`ᠮᠢᠨᠦ᠋ᠲ${J}ᠤᠨ`)).toEqual([]);
  });

  it('of numbers follow the last word read aloud', () => {
    expect(numberSound('20')).toEqual({ vowelClass: 'back', ending: 'unstable-n' }); // ᠬᠣᠷᠢ(ᠨ)
    expect(numberSound('1')).toEqual({ vowelClass: 'front', ending: 'unstable-n' }); // ᠨᠢᠭᠡ(ᠨ)
    expect(numberSound('2')).toEqual({ vowelClass: 'back', ending: 'consonant' }); // ᠬᠣᠶᠠᠷ
    expect(numberSound('2025').vowelClass).toBe('back'); // … ᠲᠠᠪᠤ
    expect(numberSound('11').vowelClass).toBe('front'); // ᠠᠷᠪᠠᠨ ᠨᠢᠭᠡ
    expect(numberSound('40').vowelClass).toBe('front'); // ᠳᠥᠴᠢ
    expect(numberSound('200000').vowelClass).toBe('front'); // 20 ᠲᠦᠮᠡ
  });
});

describe('suffixes in Mongolian text', () => {
  it('catch a suffix after a plain space and give the U+202F fix', () => {
    const [finding] = checkMongolianText('ᠠᠷᠠᠳ ᠤᠨ ᠬᠣᠷᠢᠶ᠎ᠠ');
    expect(finding.rule).toBe('plain-space-suffix');
    expect(finding.fix).toBe(`ᠠᠷᠠᠳ${J}ᠤᠨ`);
  });

  it('catch suffix vowels that do not agree with the stem', () => {
    expect(rules(`ᠵᠥᠷᠢᠴᠡᠯ${J}ᠲᠠᠢ`)).toEqual(['vowel-harmony']);
    expect(fixes(`ᠵᠥᠷᠢᠴᠡᠯ${J}ᠲᠠᠢ`)).toEqual([`ᠵᠥᠷᠢᠴᠡᠯ${J}ᠲᠡᠢ`]);
    expect(fixes(`ᠨᠡᠶᠢᠲᠡ${J}ᠳᠠᠭᠠᠨ`)).toEqual([`ᠨᠡᠶᠢᠲᠡ${J}ᠳᠡᠭᠡᠨ`]);
    expect(fixes(`ᠬᠠᠭᠤᠳᠠᠰᠤ${J}ᠡᠴᠡ`)).toEqual([`ᠬᠠᠭᠤᠳᠠᠰᠤ${J}ᠠᠴᠠ`]);
    expect(fixes(`ᠡᠳᠦᠷ${J}ᠲᠤ`)).toEqual([`ᠡᠳᠦᠷ${J}ᠲᠦ`]);
    expect(fixes(`ᠰᠠᠨᠠᠯ${J}ᠢᠶᠡᠷ`)).toEqual([`ᠰᠠᠨᠠᠯ${J}ᠢᠶᠠᠷ`]);
    expect(fixes(`ᠭᠡᠷ${J}ᠪᠠᠨ`)).toEqual([`ᠭᠡᠷ${J}ᠢᠶᠡᠨ`]);
  });

  it('catch the genitive and accusative forms that the stem ending decides', () => {
    expect(fixes(`ᠬᠣᠲᠠ${J}ᠤᠨ`)).toEqual([`ᠬᠣᠲᠠ${J}ᠶᠢᠨ`]);
    expect(fixes(`ᠬᠣᠰᠢᠭᠤᠨ${J}ᠤᠨ`)).toEqual([`ᠬᠣᠰᠢᠭᠤᠨ${J}ᠤ`]);
    expect(fixes(`ᠠᠷᠠᠳ${J}ᠤ`)).toEqual([`ᠠᠷᠠᠳ${J}ᠤᠨ`]);
    expect(fixes(`ᠦᠭᠡᠢ${J}ᠢ`)).toEqual([`ᠦᠭᠡᠢ${J}ᠶᠢ`]);
    expect(rules(`ᠨᠢᠭᠡ ᠢ`)).toEqual(['suffix-form']);
  });

  it('choose the suffix of a number by its reading', () => {
    expect(fixes(`20${J}ᠡᠴᠡ`)).toEqual([`20${J}ᠠᠴᠠ`]);
    expect(checkMongolianText(`1${J}ᠡᠴᠡ`)).toEqual([]);
    expect(fixes(`1${J}ᠳ᠋ᠤᠭᠠᠷ ᠨᠢᠭᠤᠷ`)).toEqual([`1${J}ᠳ᠋ᠦ᠋ᠭᠡᠷ`]);
    expect(fixes(`46 ᠳ᠋ᠤᠭᠠᠷ ᠵᠦᠢᠯ`)).toEqual([`46${J}ᠳ᠋ᠤᠭᠠᠷ`]);
    // Numerals keep a hidden n: genitive ᠤ/ᠦ, accusative ᠶᠢ; 2 ᠬᠣᠶᠠᠷ ends in r.
    expect(fixes(`29${J}ᠤ ᠡᠳᠦᠷ`)).toEqual([`29${J}ᠦ`]);
    expect(fixes(`3${J}ᠶᠢᠨ`)).toEqual([`3${J}ᠤ`]);
    expect(fixes(`3${J}ᠢ`)).toEqual([`3${J}ᠶᠢ`]);
    expect(fixes(`2${J}ᠤ`)).toEqual([`2${J}ᠤᠨ`]);
  });

  it('ask for the number-suffix function after a placeholder', () => {
    expect(rules('{{min}} ᠡᠴᠡ {{max}} ᠦᠰᠦᠭ')).toEqual(['placeholder-suffix']);
  });

  it('catch Chinese punctuation and ASCII brackets in Mongolian text', () => {
    expect(checkMongolianText('ᠬᠣᠲᠠ，ᠭᠠᠵᠠᠷ').map((finding) => finding.fix)).toEqual(['᠂']);
    expect(checkMongolianText('︽ᠬᠠᠤᠯᠢ》').map((finding) => finding.fix)).toEqual(['︾']);
    expect(checkMongolianText('ᠹᠠᠢᠯ (.ics)').map((finding) => finding.fix)).toEqual(['︵', '︶']);
    expect(checkMongolianText('检察院（通辽）')).toEqual([]); // Chinese text is not Mongolian text
  });

  it('leave correct text alone', () => {
    const correct = [
      `2025 ᠣᠨ${J}ᠤ 5${J}ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ${J}ᠶᠢᠨ 27${J}ᠤ ᠡᠳᠦᠷ`,
      `ᠬᠣᠲᠠ${J}ᠶᠢᠨ ᠠᠷᠠᠳ${J}ᠤᠨ ᠬᠣᠷᠢᠶ᠎ᠠ`,
      `ᠲᠣᠭᠤᠷᠢᠨ${J}ᠤ ᠬᠡᠷᠡᠭ${J}ᠢ ᠰᠠᠨᠠᠯ${J}ᠢᠶᠠᠷ`,
      `︽ᠪᠡᠯᠴᠢᠭᠡᠷ${J}ᠦᠨ ᠬᠠᠤᠯᠢ︾${J}ᠶᠢᠨ 39${J}ᠳ᠋ᠦ᠋ᠭᠡᠷ ᠵᠦᠢᠯ᠂ 20${J}ᠠᠴᠠ 1${J}ᠡᠴᠡ`,
      `ᠰᠢᠯᠦᠳᠡᠨ${J}ᠦ ᠳ᠋ᠤᠭᠠᠷ`, // ᠳ᠋ᠤᠭᠠᠷ after a word is the noun "number"
      `27${J}ᠤ ᠡᠳᠦᠷ᠂ 1${J}ᠦ ᠡᠳᠦᠷ᠂ 3${J}ᠶᠢ᠂ 2${J}ᠤᠨ`,
      `ᠶᠡᠷᠦ${J}ᠶᠢᠨ${J}ᠳᠡᠭᠡᠨ ᠭᠣᠣᠯ ᠨᠠᠭᠤᠷ ᠪᠠ ᠪᠡᠯᠴᠢᠭᠡᠷ ︵JPEG᠂ PNG︶`,
    ];
    for (const text of correct) expect(checkMongolianText(text), text).toEqual([]);
  });
});

describe('a translation against its original', () => {
  const zh = (text: string) => [{ line: 3, text }];
  const mn = (text: string) => [{ line: 5, text }];

  it('misses no figure, normalised (1,234 = 1234; 20万 = 20 ᠲᠦᠮᠡ)', () => {
    expect(missingFacts(zh('补缴1,234元，修复20万亩'), mn(`1234 ᠶᠤᠸᠠᠨ᠂ 20 ᠲᠦᠮᠡ ᠮᠦ`))).toEqual([]);
    const [missing] = missingFacts(zh('补缴2395.34万元'), mn('ᠮᠥᠩᠭᠥ'));
    expect(missing.rule).toBe('missing-figure');
    expect(missing.original).toBe('2395.34万');
  });

  it('misses no date and no article number', () => {
    expect(missingFacts(zh('2025年5月27日，依据第四十六条'), mn(`2025 ᠣᠨ${J}ᠤ 5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ${J}ᠶᠢᠨ 27${J}ᠤ ᠡᠳᠦᠷ 46${J}ᠳ᠋ᠤᠭᠠᠷ ᠵᠦᠢᠯ`))).toEqual([]);
    const found = missingFacts(zh('2021年至2023年5月，依据第六十二条'), mn(`2021 ᠣᠨ${J}ᠠᠴᠠ`));
    expect(found.map((finding) => `${finding.rule} ${finding.original}`)).toEqual(['missing-article 第六十二条', 'missing-date 2023年5月']);
    expect(chineseNumberValue('一百零三')).toBe(103);
  });

  it('has every section of the original, in order', () => {
    const original = [
      { line: 10, level: 2, text: '基本案情' },
      { line: 20, level: 2, text: '检察履职' },
      { line: 30, level: 2, text: '典型意义' },
    ];
    expect(missingSections(original, [{ level: 2 }, { level: 2 }, { level: 2 }])).toEqual([]);
    expect(missingSections(original, [{ level: 2 }, { level: 2 }]).map((finding) => finding.original)).toEqual(['典型意义']);
    expect(missingSections(original, [{ level: 2 }, { level: 3 }, { level: 2 }])[0].original).toBe('检察履职');
  });

  it('uses the terminology file for every term of the original', () => {
    const terms = [
      { id: 'procuratorate', zh: '人民检察院', mn: 'ᠠᠷᠠᠳ ᠤᠨ ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠬᠣᠷᠢᠶ᠎ᠠ' },
      { id: 'procuratorate-short', zh: '检察院', mn: 'ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠬᠣᠷᠢᠶ᠎ᠠ ᠬᠣᠷᠢᠶ᠎ᠠ' },
    ];
    const wrong = termsTranslatedOtherwise(zh('通辽市人民检察院'), mn(`ᠠᠷᠠᠳ${J}ᠤᠨ ᠶᠠᠭᠤᠳᠠᠯ${J}ᠤᠨ ᠬᠣᠷᠢᠶ᠎ᠠ`), terms);
    expect(wrong.map((finding) => finding.original)).toEqual(['人民检察院']); // not also 检察院, inside it
    expect(termsTranslatedOtherwise(zh('通辽市人民检察院'), mn(`ᠠᠷᠠᠳ${J}ᠤᠨ ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠬᠣᠷᠢᠶ᠎ᠠ`), terms)).toEqual([]);
  });
});

describe('the whole check over source files', () => {
  const original = ['---', 'title: "第一条"', 'date: 2025-12-20', '---', '', '## 基本案情', '', '2025年5月27日，补缴12万元。', '', '## 典型意义', '', '意义。'].join('\n');
  const translation = ['---', 'title: "1 ᠳ᠋ᠦ᠋ᠭᠡᠷ ᠵᠦᠢᠯ"', 'date: 2025-12-20', '---', '', '## ᠪᠠᠢᠳᠠᠯ', '', 'ᠬᠣᠲᠠ ᠶᠢᠨ 12 ᠲᠦᠮᠡ ᠶᠤᠸᠠᠨ᠃', ''].join('\n');

  it('reports file and line for each kind of mistake, and nothing for the correct parts', () => {
    const findings = checkMongolianSources(
      [
        { path: 'src/content/cases/zh/x.mdx', content: original },
        { path: 'src/content/cases/mn/x.mdx', content: translation },
        { path: 'src/i18n/mn.json', content: '{\n  "a": "ᠬᠣᠲᠠ ᠤᠨ"\n}\n' },
      ],
      [],
    );
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`)).toEqual([
      'src/content/cases/mn/x.mdx:2 plain-space-suffix',
      'src/content/cases/mn/x.mdx:6 missing-date',
      'src/content/cases/mn/x.mdx:6 missing-section',
      'src/content/cases/mn/x.mdx:8 plain-space-suffix',
      'src/i18n/mn.json:2 suffix-form',
    ]);
  });

  it('reads only prose: links keep their words, header codes and dates are skipped', () => {
    const lines = textLinesOfMdx(['---', 'region: tongliao', 'tags: ["ᠪᠡᠯᠴᠢᠭᠡᠷ", "ᠣᠢ"]', '---', '[ᠬᠣᠲᠠ](/mn/cases/)'].join('\n'));
    expect(lines.map((line) => line.text)).toEqual(['ᠪᠡᠯᠴᠢᠭᠡᠷ', 'ᠣᠢ', 'ᠬᠣᠲᠠ']);
  });
});

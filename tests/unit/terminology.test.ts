import { describe, expect, it } from 'vitest';
import terminologyFile from '../../src/data/terminology.json';
import regionsFile from '../../src/data/regions.json';
import zh from '../../src/i18n/zh.json';
import mn from '../../src/i18n/mn.json';
import { parseTerminology, terminology, termMn } from '../../src/lib/mongolian/terminology';
import { procuratorate, procuratorateSchema } from '../../src/lib/procuratorate';
import { retiredProcuratorateTerm } from './support/mongolianText';

const required = [
  '人民检察院',
  '检察院',
  '检察官',
  '检察长',
  '检察建议',
  '公益诉讼',
  '公益诉讼领域',
  '典型案例',
  '检察开放日',
  '普法',
  '线索',
  '举报',
  '司法救助',
  '未成年人检察',
  '支持起诉',
  '府检联动',
];

/** The terms whose Chinese appears in a text, longest first, each occurrence counted once. */
function termsIn(chinese: string) {
  const byLength = [...terminology.terms].sort((a, b) => b.zh.length - a.zh.length);
  let rest = chinese;
  const found = [];
  for (const term of byLength) {
    if (rest.includes(term.zh)) {
      found.push(term);
      rest = rest.replaceAll(term.zh, '\u0000');
    }
  }
  return found;
}

describe('terminology', () => {
  it('is valid and covers the institution and legal terms the site uses', () => {
    expect(terminology.terms.length).toBeGreaterThan(40);
    const chinese = terminology.terms.map((term) => term.zh);
    for (const term of required) expect(chinese, term).toContain(term);
  });

  it('marks every term attested (with a URL or reference) or unconfirmed (with the reasoning)', () => {
    for (const term of terminology.terms) {
      if (term.confidence === 'attested') expect(term.source, term.id).toMatch(/https?:\/\/|glossary\.tsv/);
      else expect(term.source, term.id).toMatch(/^Unconfirmed|unconfirmed/);
    }
  });

  it('has no trace of the retired term: 检察 is ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ, 院 ᠬᠣᠷᠢᠶ᠎ᠠ', () => {
    expect(JSON.stringify(terminologyFile)).not.toContain(retiredProcuratorateTerm);
    expect(termMn('procuratorate')).toBe('ᠠᠷᠠᠳ\u202Fᠤᠨ ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠬᠣᠷᠢᠶ\u180Eᠠ');
    expect(termMn('procurator')).toBe('ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠭᠴᠢ');
  });

  it('rejects a bad file with a message naming the term and the field', () => {
    const broken = structuredClone(terminologyFile);
    broken.terms[2]!.confidence = 'probably';
    broken.terms[3]!.mn = 'ᠠᠷᠠᠳ ᠤᠨ ᠬᠣᠷᠢᠶ᠎ᠠ';
    expect(() => parseTerminology(broken)).toThrow(`term "${broken.terms[2]!.id}", field "confidence"`);
    expect(() => parseTerminology(broken)).toThrow(`term "${broken.terms[3]!.id}", field "mn": a case suffix follows a plain space`);
    const duplicated = { terms: [terminologyFile.terms[0], terminologyFile.terms[0]] };
    expect(() => parseTerminology(duplicated)).toThrow('appears twice');
    expect(() => termMn('no-such-term')).toThrow('No term "no-such-term"');
  });

  it('gives the region labels of regions.json', () => {
    for (const region of regionsFile.regions) expect(region.label.mn, region.id).toBe(termMn(`place-${region.id}`));
  });

  it("builds the procuratorate's Mongolian name from the terms, and stops a name on another term", () => {
    expect(procuratorate.name.mn).toBe(termMn('unit-tongliao'));
    const oldTerm = structuredClone(procuratorate);
    oldTerm.name.mn = `ᠲᠦᠩᠯᠢᠶᠣᠤ ᠬᠣᠲᠠ\u202Fᠶᠢᠨ ᠠᠷᠠᠳ\u202Fᠤᠨ ${retiredProcuratorateTerm}\u202Fᠤᠨ ᠬᠣᠷᠢᠶ᠎ᠠ`;
    const result = procuratorateSchema.safeParse(oldTerm);
    expect(result.error?.issues[0]?.message).toContain('name.mn: end with the term for 人民检察院');
  });

  it('is what the Mongolian UI strings use wherever the Chinese has the term', () => {
    const checked = new Set([
      'procuratorate',
      'procuratorate-short',
      'procuratorial-organs',
      'procurator',
      'procuratorial',
      'public-interest-litigation-area',
      'area',
      'typical-case',
      'judicial-aid',
      'minors',
      'website',
    ]);
    const misses: string[] = [];
    for (const [key, chinese] of Object.entries(zh)) {
      const mongolian = mn[key as keyof typeof mn];
      for (const term of termsIn(chinese)) {
        if (!checked.has(term.id)) continue;
        const forms = [term.mn, ...term.variants];
        if (!forms.some((form) => mongolian.includes(form))) misses.push(`${key}: ${term.zh} → ${term.mn}`);
      }
    }
    expect(misses).toEqual([]);
  });
});

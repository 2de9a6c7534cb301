// `npm run new -- case|notice|article <slug>`: writes the Chinese original and its Mongolian
// translation file with every field filled by a placeholder and a comment saying what goes there.
// Both start as drafts, so nothing appears on the site until press staff set `draft: false`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleTopics, audiences, caseTypes, figureMeasures } from '../src/lib/publications/vocabulary.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const readData = (file) => JSON.parse(readFileSync(join(projectRoot, 'src/data', file), 'utf8'));
const categoryIds = readData('public-interest-categories.json').categories.map((category) => category.id);
const regionIds = readData('regions.json').regions.map((region) => region.id);

export const kindFolders = { case: 'cases', notice: 'notices', article: 'articles' };
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Today's date in Beijing, as YYYY-MM-DD. */
function beijingDate(now) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const common = (lang, slug) => `# --- every publication ---
# lang: the language of this file; must match its folder (zh or mn).
lang: ${lang}
# translationKey: the file name without .mdx; the Chinese and Mongolian files share it.
translationKey: ${slug}
# translationStatus: original (the Chinese text), unreviewed (a translation nobody has checked yet),
# reviewed (a translation checked by a qualified translator). Unreviewed texts show a notice.
translationStatus: ${lang === 'zh' ? 'original' : 'unreviewed'}
# translatedFrom: translations only: which version of the original this was translated from;
# written by the CMS or by \`npm run translations -- --mark <slug>\`, never by hand.
# reviewedBy: translations only: the translator who checked a reviewed translation.
# reviewedOn: translations only: when they checked it, year-month-day (2026-05-27).
# draft: true keeps it off the site; change to false to publish. Entries dated in the future are
# published by the first build on or after their date.
draft: true`;

const placeholder = { zh: (text) => text.zh, mn: (text) => text.mn };

function caseTemplate(lang, slug, today) {
  const say = placeholder[lang];
  return `---
# title: the headline readers see in lists and on the page.
title: "${say({ zh: '在这里写标题', mn: 'ᠭᠠᠷᠴᠠᠭ' })}"
# summary: one or two sentences: what happened and what changed.
summary: "${say({ zh: '在这里用一两句话写案情和结果。', mn: 'ᠲᠣᠪᠴᠢ ᠠᠭᠤᠯᠭ᠎ᠠ᠃' })}"
# date: the publication date, year-month-day, no quotes.
date: ${today}
# unit: the procuratorate that handled the case.
unit: "${say({ zh: '通辽市人民检察院', mn: 'ᠲᠦᠩᠯᠢᠶᠣᠤ ᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠬᠣᠷᠢᠶ᠎ᠠ' })}"
# region: one of ${regionIds.join(', ')}
region: ${regionIds[0]}
# category: public-interest area, one of ${categoryIds.join(', ')}
category: ${categoryIds[0]}
# caseType: one of ${caseTypes.join(', ')}
caseType: ${caseTypes[0]}
# figures: the results as numbers, shown large on the page. measure is one of
# ${figureMeasures.join(', ')}; value is a plain number (690000, not 69万); label says what it counts.
# Write "figures: []" if there are none.
figures:
  - measure: yuan
    value: 0
    label: "${say({ zh: '追回金额', mn: 'ᠮᠥᠩᠭᠥ' })}"
# legalBasis: the laws and articles the case rests on, one per line.
legalBasis:
  - "${say({ zh: '《中华人民共和国行政诉讼法》第二十五条第四款', mn: 'ᠬᠠᠤᠯᠢ' })}"
# tags: a few words readers might look for, in brackets.
tags: []
# cover (optional): a picture next to this file's folder, e.g. src/content/cases/images/river.jpg,
# written as ../images/river.jpg, with alt saying what it shows. Delete both lines for no picture.
# cover:
#   src: ../images/river.jpg
#   alt: "${say({ zh: '清理后的河道', mn: 'ᠭᠣᠣᠯ' })}"
${common(lang, slug)}
---

${say({ zh: '## 基本案情\n\n在这里写正文。', mn: '## ᠬᠡᠷᠡᠭ ᠦᠨ ᠪᠠᠢᠳᠠᠯ\n\nᠠᠭᠤᠯᠭ᠎ᠠ᠃' })}
`;
}

function noticeTemplate(lang, slug, today) {
  const say = placeholder[lang];
  return `---
# title, theme and summary: what the open day is called, its theme, and one or two inviting sentences.
title: "${say({ zh: '检察开放日', mn: 'ᠨᠡᠭᠡᠭᠡᠯᠲᠡᠢ ᠡᠳᠦᠷ' })}"
theme: "${say({ zh: '在这里写主题', mn: 'ᠭᠣᠣᠯ ᠰᠡᠳᠦᠪ' })}"
summary: "${say({ zh: '在这里写一两句邀请。', mn: 'ᠤᠷᠢᠯᠭ᠎ᠠ᠃' })}"
# date: when this notice is published, year-month-day, no quotes.
date: ${today}
# start, end: Beijing time, in quotes, "year-month-day hour:minute". The page says "upcoming" or
# "past" from these, and the calendar file (.ics) uses them.
start: "${today} 09:30"
end: "${today} 11:30"
timeZone: Asia/Shanghai
# place: the building and room; address: the street address.
place: "${say({ zh: '检察服务大厅', mn: 'ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠲᠡᠩᠭᠢᠮ' })}"
address: "${say({ zh: '内蒙古自治区通辽市科尔沁区', mn: 'ᠲᠦᠩᠯᠢᠶᠣᠤ ᠬᠣᠲᠠ ᠬᠣᠷᠴᠢᠨ ᠲᠣᠭᠣᠷᠢᠭ' })}"
# audience: who may come; capacity: how many places (a whole number).
audience: "${say({ zh: '市民', mn: 'ᠢᠷᠭᠡᠳ' })}"
capacity: 40
# signUp: a phone number or an e-mail address (or both), and optionally a deadline (Beijing time,
# in quotes) and a note.
signUp:
  phone: "0475-12309"
  # email: someone@example.cn
  deadline: "${today} 17:00"
  note: "${say({ zh: '请携带身份证件。', mn: 'ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ᠃' })}"
# accessibility: step-free access, toilets, sign language, large print: what visitors can expect.
accessibility: "${say({ zh: '在这里写无障碍信息。', mn: 'ᠰᠠᠭᠠᠳ ᠦᠭᠡᠢ᠃' })}"
${common(lang, slug)}
---

${say({ zh: '## 活动安排\n\n- 09:30 ……', mn: '## ᠬᠦᠲᠦᠯᠪᠦᠷᠢ\n\n- 09:30' })}
`;
}

function articleTemplate(lang, slug, today) {
  const say = placeholder[lang];
  return `---
title: "${say({ zh: '在这里写标题', mn: 'ᠭᠠᠷᠴᠠᠭ' })}"
# summary: one or two sentences: what the reader will learn.
summary: "${say({ zh: '在这里写一两句摘要。', mn: 'ᠲᠣᠪᠴᠢ ᠠᠭᠤᠯᠭ᠎ᠠ᠃' })}"
# date: the publication date, year-month-day, no quotes.
date: ${today}
# topic: one of ${articleTopics.join(', ')}
topic: ${articleTopics[0]}
# audience: who it is written for, one or more of ${audiences.join(', ')}
audience: [general]
# readingMinutes: about how long it takes to read (a whole number).
readingMinutes: 3
# relatedCases: file names of typical cases it mentions, e.g. [horqin-land-compensation].
relatedCases: []
# cover (optional): a picture in src/content/articles/images/, written as ../images/name.jpg, with
# alt saying what it shows. Remove the # before the three lines to use it.
# cover:
#   src: ../images/village-lecture.jpg
#   alt: "${say({ zh: '检察官在村里讲解法律', mn: 'ᠵᠢᠷᠤᠭ' })}"
${common(lang, slug)}
---

${say({ zh: '在这里写正文。', mn: 'ᠠᠭᠤᠯᠭ᠎ᠠ᠃' })}
`;
}

const templates = { case: caseTemplate, notice: noticeTemplate, article: articleTemplate };

/**
 * The two files of a new publication: path (inside the content folder) and text.
 * @returns {{ path: string, text: string }[]}
 */
export function scaffoldPublication(kind, slug, now = new Date()) {
  if (!templates[kind]) throw new Error(`"${kind}" is not a kind of publication; use case, notice or article`);
  if (!slugPattern.test(slug)) throw new Error(`"${slug}" cannot be a file name; use lower-case letters, digits and hyphens, e.g. horqin-river-cleanup`);
  const today = beijingDate(now);
  return ['zh', 'mn'].map((lang) => ({ path: `${kindFolders[kind]}/${lang}/${slug}.mdx`, text: templates[kind](lang, slug, today) }));
}

function main(argv) {
  const [kind, slug] = argv;
  const contentDirectory = process.env.CONTENT_DIR ?? join(projectRoot, 'src/content');
  try {
    const files = scaffoldPublication(kind, slug);
    const taken = files.filter((file) => existsSync(join(contentDirectory, file.path)));
    if (taken.length > 0) throw new Error(`${taken.map((file) => file.path).join(' and ')} already exist; choose another name`);
    for (const file of files) {
      mkdirSync(dirname(join(contentDirectory, file.path)), { recursive: true });
      writeFileSync(join(contentDirectory, file.path), file.text);
      console.log(`created src/content/${file.path}`);
    }
    console.log('Both files are drafts: fill them in, preview with `npm run dev`, then set draft: false.');
  } catch (error) {
    console.error(`${error.message}\nUsage: npm run new -- case|notice|article <file-name>`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));

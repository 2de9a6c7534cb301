// Synthetic publications for the build-cost benchmark: N typical cases per language, written as
// press staff would write them (frontmatter that passes our schema, a few paragraphs), with varied
// categories, regions and dates so the list, category, region and year pages grow as they would.
import { mkdir, rm, writeFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { publicInterestCategories, regions } from './taxonomyData.mjs';

const chineseSentences = [
  '检察机关在履职中发现，辖区内一处河道存在违法倾倒建筑垃圾的情况，影响防洪安全。',
  '承办检察官实地查看现场，调取了相关审批材料，并向行政机关制发检察建议。',
  '行政机关收到建议后组织清理，整改情况经回访确认到位。',
  '检察机关会同市场监管部门开展专项检查，重点关注校园食堂和养老机构的食品安全。',
  '对困难当事人开展司法救助，帮助其渡过难关，并协调民政部门落实后续帮扶。',
  '检察机关邀请人大代表、政协委员和群众代表参与公开听证，听取各方意见。',
  '针对无障碍设施缺失的问题，检察机关联合残联开展走访，推动医院完成改造。',
  '在办理案件中，检察机关用蒙汉双语向农牧民讲解相关法律规定。',
];
const mongolianSentences = [
  'ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠭᠣᠣᠯ ᠤᠨ ᠡᠷᠭᠡ ᠳᠦ ᠪᠠᠷᠢᠯᠭ᠎ᠠ ᠶᠢᠨ ᠬᠣᠭ ᠬᠠᠶᠠᠭᠰᠠᠨ ᠶᠠᠪᠤᠳᠠᠯ ᠢ ᠢᠯᠡᠷᠡᠭᠦᠯᠪᠡ᠃',
  'ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠠᠯᠪᠠᠨ ᠬᠠᠭᠠᠳ ᠣᠷᠤᠨ ᠳᠡᠭᠡᠷ᠎ᠡ ᠦᠵᠡᠵᠦ᠂ ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠳᠤ ᠰᠠᠨᠠᠯ ᠲᠠᠯᠪᠢᠪᠠ᠃',
  'ᠰᠠᠨᠠᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠴᠡᠪᠡᠷᠯᠡᠭᠡ ᠶᠢ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠵᠤ᠂ ᠵᠠᠰᠠᠯ ᠢ ᠪᠦᠷᠢᠨ ᠬᠢᠭᠰᠡᠨ ᠪᠠᠢᠨ᠎ᠠ᠃',
  'ᠬᠦᠨᠡᠰᠦ ᠪᠠ ᠡᠮ ᠦᠨ ᠠᠮᠤᠷ ᠲᠦᠪᠰᠢᠨ ᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ ᠲᠤᠰᠭᠠᠢ ᠪᠠᠢᠴᠠᠭᠠᠯᠲᠠ ᠶᠢ ᠬᠠᠮᠲᠤ ᠪᠡᠷ ᠶᠠᠪᠤᠭᠤᠯᠪᠠ᠃',
  'ᠬᠡᠷᠡᠭ ᠲᠦ ᠬᠣᠬᠢᠷᠠᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠳᠦ ᠱᠦᠭᠦᠨ ᠲᠠᠰᠤᠯᠠᠬᠤ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠦᠵᠡᠭᠦᠯᠪᠡ᠃',
  'ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢ ᠪᠠ ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢ ᠶᠢ ᠤᠷᠢᠵᠤ ᠰᠣᠨᠣᠰᠤᠯ ᠬᠤᠷᠠᠯ ᠬᠢᠪᠡ᠃',
];

const pick = (list, index) => list[index % list.length];

function dateFor(index) {
  const day = new Date(Date.UTC(2019, 0, 1) + ((index * 37) % 2500) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function caseFile(index, lang) {
  const slug = `synthetic-case-${index}`;
  const sentences = lang === 'zh' ? chineseSentences : mongolianSentences;
  const body = [0, 1, 2, 3].map((offset) => `${pick(sentences, index + offset)}${pick(sentences, index + offset + 3)}`).join('\n\n');
  const category = pick(publicInterestCategories, index).id;
  const region = pick(regions, index * 7).id;
  const title = lang === 'zh' ? `第${index}号典型案例：${pick(chineseSentences, index).slice(0, 18)}` : `${index} ᠳ᠋ᠤᠭᠠᠷ ᠦᠯᠢᠭᠡᠷ ᠬᠡᠷᠡᠭ`;
  return `---
title: ${JSON.stringify(title)}
summary: ${JSON.stringify(pick(sentences, index + 5))}
date: ${dateFor(index)}
unit: ${JSON.stringify(lang === 'zh' ? '通辽市人民检察院' : 'ᠲᠦᠩᠯᠢᠶᠣᠤ ᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠬᠣᠷᠢᠶ᠎ᠠ')}
region: ${region}
category: ${category}
caseType: public-interest-litigation
figures:
  - measure: yuan
    value: ${((index % 97) + 1) * 10000}
    label: ${JSON.stringify(lang === 'zh' ? '挽回损失' : 'ᠬᠣᠬᠢᠷᠠᠯ ᠢ ᠨᠥᠬᠥᠪᠡ')}
legalBasis:
  - ${JSON.stringify(lang === 'zh' ? '《中华人民共和国行政诉讼法》第二十五条第四款' : '︽ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠵᠠᠷᠭᠤ ᠶᠢᠨ ᠬᠠᠤᠯᠢ︾')}
tags: []
lang: ${lang}
translationKey: ${slug}
translationStatus: ${lang === 'zh' ? 'original' : 'unreviewed'}
draft: false
---

${body}
`;
}

/** Writes a content tree with `count` cases per language (plus the real notices and articles). */
export async function writeSyntheticContent(directory, count) {
  await rm(directory, { recursive: true, force: true });
  for (const lang of ['zh', 'mn']) {
    const folder = path.join(directory, 'cases', lang);
    await mkdir(folder, { recursive: true });
    for (let index = 1; index <= count; index += 1) await writeFile(path.join(folder, `synthetic-case-${index}.mdx`), caseFile(index, lang));
  }
  await cp('src/content/notices', path.join(directory, 'notices'), { recursive: true });
  await cp('src/content/articles', path.join(directory, 'articles'), { recursive: true });
  await cp('src/content/cases/images', path.join(directory, 'cases', 'images'), { recursive: true });
}

/** The same number of pages for a Starlight site: one doc per case per language. */
export async function writeStarlightContent(directory, count) {
  await rm(directory, { recursive: true, force: true });
  await mkdir(path.join(directory, 'mn'), { recursive: true });
  await writeFile(path.join(directory, 'index.md'), '---\ntitle: 首页\n---\n\n首页。\n');
  await writeFile(path.join(directory, 'mn', 'index.md'), '---\ntitle: ᠲᠡᠷᠢᠭᠦᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ\n---\n\nᠲᠡᠷᠢᠭᠦᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ᠃\n');
  for (let index = 1; index <= count; index += 1) {
    for (const lang of ['zh', 'mn']) {
      const sentences = lang === 'zh' ? chineseSentences : mongolianSentences;
      const body = [0, 1, 2, 3].map((offset) => `${pick(sentences, index + offset)}${pick(sentences, index + offset + 3)}`).join('\n\n');
      const title = lang === 'zh' ? `第${index}号典型案例` : `${index} ᠳ᠋ᠤᠭᠠᠷ ᠦᠯᠢᠭᠡᠷ ᠬᠡᠷᠡᠭ`;
      const file = lang === 'zh' ? path.join(directory, `case-${index}.md`) : path.join(directory, 'mn', `case-${index}.md`);
      await writeFile(file, `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body}\n`);
    }
  }
}

// The press office's editor at /admin/: Decap CMS with the configuration generated from our
// schemas, the per-language widgets, the site's preview, and a save check that refuses what the
// build would refuse. Bundled by scripts/build-admin.mjs; nothing is loaded from another site.
import CMS from 'decap-cms-app';
import type { CmsConfig } from 'decap-cms-core';
import { frontmatterYAML } from 'decap-cms-core/dist/esm/formats/frontmatter';
import type { Map as ImmutableMap } from 'immutable';
import { decapConfig, type CmsBackend } from '../lib/cms/decapConfig';
import { hasOwnText, saveProblems, withoutEmptyValues } from '../lib/cms/entryData';
import type { PublicationKind } from '../lib/publications/schemas';
import { translationHash } from '../lib/publications/translationState';
import { chinesePhrases } from './locale';
import { noPreview, perLanguageControls } from './widgets';
import { PublicationPreview } from './preview';
import { showTranslationStates } from './translationBadges';

declare const CMS_BACKEND: CmsBackend;
declare const CMS_EDITORIAL_WORKFLOW: boolean;

/**
 * The original being saved, as its hash: the save check (preSave, below) works it out just before
 * Decap writes the files of the same save, so a translation saved for the first time records
 * which original it was made from. (Decap 3.16 cannot change a translation's fields in preSave.)
 */
let originalHashOfThisSave: string | undefined;

// Files are written as the build reads them (YAML frontmatter, then the text), minus fields left
// empty. A language pane nobody wrote in gives no file (Decap skips a file whose text is empty).
const frontmatter = frontmatterYAML();
CMS.registerCustomFormat('publication-mdx', 'mdx', {
  fromFile: (content: string) => frontmatter.fromFile(content),
  toFile: (data: Record<string, unknown>, sortedKeys?: string[], comments?: Record<string, string>) => {
    if (!hasOwnText(data)) return '';
    const record = data.lang === 'mn' && !data.translatedFrom && originalHashOfThisSave ? { translatedFrom: originalHashOfThisSave } : {};
    return frontmatter.toFile({ ...(withoutEmptyValues(data) as Record<string, unknown>), ...record }, sortedKeys, comments);
  },
});

for (const [name, control] of Object.entries(perLanguageControls)) CMS.registerWidget(name, control, noPreview);

// The preview pane is a frame of its own; it gets the site's fonts and layout (preview.css).
CMS.registerPreviewStyle('/admin/preview.css');
for (const kind of ['cases', 'notices', 'articles']) CMS.registerPreviewTemplate(kind, PublicationPreview);

/**
 * Decap shows a failed save as "保存内容失败: <the error as text>"; an error without a name reads
 * as its message alone, so press staff see only Chinese.
 */
class SaveRefused extends Error {
  override name = '';
  constructor(problems: string[]) {
    super(`构建会拒绝这篇内容，请先改正：\n${problems.map((problem) => `· ${problem}`).join('\n')}`);
  }
}

// The save check: both language files, exactly as the build will check them.
CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }: { entry: ImmutableMap<string, unknown> }) => {
    const kind = entry.get('collection') as PublicationKind;
    const data = (entry.get('data') as ImmutableMap<string, unknown>).toJS() as Record<string, unknown>;
    const slug = String(entry.get('slug') || data.translationKey);
    const translation = entry.getIn(['i18n', 'mn', 'data']) as ImmutableMap<string, unknown> | undefined;
    const problems = saveProblems(kind, slug, data, translation?.toJS() as Record<string, unknown> | undefined);
    if (problems.length > 0) throw new SaveRefused(problems);
    const { body = '', ...originalFrontmatter } = data;
    originalHashOfThisSave = await translationHash(originalFrontmatter, String(body));
    return undefined;
  },
});

// Decap's Chinese with the phrases it lacks (it would show them in English).
CMS.registerLocale('zh_Hans', chinesePhrases);

// The lists show each publication's Mongolian state (the translation report).
showTranslationStates();

// On a laptop, `npm run cms` opens the editor with the address of its decap-server
// (`?local_backend=http://localhost:8081/api/v1`), which reads and writes the checkout. Decap
// honours it on localhost only; without it the editor tries no other address.
const localBackendUrl = new URLSearchParams(window.location.search).get('local_backend') ?? undefined;
// Decap checks the generated configuration itself when it starts (its own JSON schema).
CMS.init({
  config: decapConfig(CMS_BACKEND, { localBackendUrl, editorialWorkflow: CMS_EDITORIAL_WORKFLOW }) as unknown as CmsConfig,
});

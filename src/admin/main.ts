// The press office's editor at /admin/: Decap CMS with the configuration generated from our
// schemas, the per-language widgets, the site's preview, and a save check that refuses what the
// build would refuse. Bundled by scripts/build-admin.mjs; nothing is loaded from another site.
import CMS from 'decap-cms-app';
import type { CmsConfig } from 'decap-cms-core';
import { frontmatterYAML } from 'decap-cms-core/dist/esm/formats/frontmatter';
import type { Map as ImmutableMap } from 'immutable';
import { decapConfig, type CmsBackend } from '../lib/cms/decapConfig';
import { hasOwnText, problemsBeforeSaving, withoutEmptyValues } from '../lib/cms/entryData';
import type { PublicationKind } from '../lib/publications/schemas';
import { translationHash } from '../lib/publications/translationState';
import { noPreview, perLanguageControls } from './widgets';
import { PublicationPreview } from './preview';

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

// The save check: both language files, exactly as the build will check them.
CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }: { entry: ImmutableMap<string, unknown> }) => {
    const kind = entry.get('collection') as PublicationKind;
    const data = (entry.get('data') as ImmutableMap<string, unknown>).toJS() as Record<string, unknown>;
    const slug = String(entry.get('slug') || data.translationKey);
    const translation = entry.getIn(['i18n', 'mn', 'data']) as ImmutableMap<string, unknown> | undefined;
    const problems = [
      ...problemsBeforeSaving(kind, 'zh', slug, data),
      ...(translation && hasOwnText(translation.toJS() as Record<string, unknown>) ? problemsBeforeSaving(kind, 'mn', slug, translation.toJS() as Record<string, unknown>) : []),
    ];
    if (problems.length > 0) throw new Error(`the build would refuse it:\n${problems.join('\n')}`);
    const { body = '', ...originalFrontmatter } = data;
    originalHashOfThisSave = await translationHash(originalFrontmatter, String(body));
    return undefined;
  },
});

// On a laptop, `npm run cms` opens the editor with the address of its decap-server
// (`?local_backend=http://localhost:8081/api/v1`), which reads and writes the checkout. Decap
// honours it on localhost only; without it the editor tries no other address.
const localBackendUrl = new URLSearchParams(window.location.search).get('local_backend') ?? undefined;
// Decap checks the generated configuration itself when it starts (its own JSON schema).
CMS.init({
  config: decapConfig(CMS_BACKEND, { localBackendUrl, editorialWorkflow: CMS_EDITORIAL_WORKFLOW }) as unknown as CmsConfig,
});

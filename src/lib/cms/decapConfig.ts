// The Decap CMS configuration, generated from the publication schemas (through zod's JSON Schema)
// so the editor asks for exactly what the build accepts: required fields, patterns, the allowed
// values of every select. Labels are in fieldLabels.ts; nothing about the rules is written twice.
import { z } from 'zod';
import { plainSchemas, publicationKinds, type PublicationKind } from '../publications/schemas';
import { publicInterestCategories, regions } from '../taxonomy';
import zhStrings from '../../i18n/zh.json';
import mnStrings from '../../i18n/mn.json';
import { collectionLabels, fieldLabels, figureMeasureLabels } from './fieldLabels';

/** The slice of JSON Schema that zod writes for our schemas. */
export interface JsonSchema {
  type?: string;
  enum?: string[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
}

export type DecapField = {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  i18n?: boolean | 'duplicate';
  pattern?: [string, string];
  default?: unknown;
  options?: Array<{ value: string; label: string }>;
  multiple?: boolean;
  min?: number;
  value_type?: 'int' | 'float';
  format?: string;
  date_format?: string;
  time_format?: string | boolean;
  picker_utc?: boolean;
  fields?: DecapField[];
  field?: DecapField;
  collapsed?: boolean;
  summary?: string;
  choose_url?: boolean;
};

/** The JSON Schema of a kind's frontmatter as a file is written (defaults not yet applied). */
export function frontmatterJsonSchema(kind: PublicationKind): JsonSchema {
  return z.toJSONSchema(plainSchemas[kind], {
    io: 'input',
    unrepresentable: 'any',
    // Calendar days are z.date(), which JSON Schema cannot say; mark them so they get a date picker.
    override: (context) => {
      if ((context.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === 'date') context.jsonSchema.format = 'date';
    },
  }) as JsonSchema;
}

const strings = { zh: zhStrings as Record<string, string>, mn: mnStrings as Record<string, string> };
const bothLanguages = (zh: string, mn: string | undefined) => (mn ? `${zh} · ${mn}` : zh);
const uiStringOptions = (prefix: string) => (value: string) => {
  const zh = strings.zh[`${prefix}.${value}`];
  if (!zh) throw new Error(`No UI string "${prefix}.${value}" to label the value "${value}" in the CMS; add it to src/i18n/zh.json`);
  return bothLanguages(zh, strings.mn[`${prefix}.${value}`]);
};
const fromList = (list: ReadonlyArray<{ id: string; label: { zh: string; mn: string } }>) => (value: string) => {
  const item = list.find((entry) => entry.id === value)!;
  return bothLanguages(item.label.zh, item.label.mn);
};

/** How the values of each select are labelled, in both languages where the site has both. */
const optionLabels: Record<string, (value: string) => string> = {
  region: fromList(regions),
  category: fromList(publicInterestCategories),
  caseType: uiStringOptions('cases.type'),
  topic: uiStringOptions('education.topic'),
  audience: uiStringOptions('education.audience'),
  'figures.measure': (value) => figureMeasureLabels[value] ?? value,
  translationStatus: (value) => ({ original: '原文', reviewed: '已审校', unreviewed: '未审校' })[value] ?? value,
  lang: (value) => ({ zh: '中文', mn: '蒙古文 · ᠮᠣᠩᠭᠣᠯ' })[value] ?? value,
};

/** Fields whose value differs by language pane and is set by the CMS (src/admin/widgets.ts). */
export const perLanguageWidgets: Record<string, string> = {
  lang: 'publication-language',
  translationStatus: 'translation-status',
  translatedFrom: 'translated-from',
};

export const localDateTimePattern = String.raw`^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$`;

/** True when a field holds words a translator translates (free text somewhere inside it). */
export function holdsFreeText(schema: JsonSchema): boolean {
  if (schema.type === 'string') return !schema.enum && schema.const === undefined && !schema.pattern && !schema.format;
  if (schema.type === 'object') return Object.values(schema.properties ?? {}).some(holdsFreeText);
  if (schema.type === 'array') return schema.items ? holdsFreeText(schema.items) : false;
  return false;
}

function labelFor(path: string): { label: string; hint?: string; multiline?: boolean } {
  const label = fieldLabels[path];
  if (!label) throw new Error(`The CMS has no label for field "${path}"; add it to src/lib/cms/fieldLabels.ts`);
  return label;
}

function selectOptions(path: string, values: string[]) {
  const label = optionLabels[path];
  if (!label) throw new Error(`The CMS does not know how to label the values of "${path}"; add them to optionLabels in src/lib/cms/decapConfig.ts`);
  return values.map((value) => ({ value, label: label(value) }));
}

/** The Decap field for one schema property; `required` is what the schema says for it. */
function decapField(path: string, schema: JsonSchema, required: boolean): DecapField {
  const name = path.slice(path.lastIndexOf('.') + 1);
  const { label, hint, multiline } = labelFor(path);
  const base: DecapField = { name, label, widget: 'string', required, ...(hint ? { hint } : {}) };
  if (schema.default !== undefined) base.default = schema.default;
  if (perLanguageWidgets[path]) {
    return {
      ...base,
      widget: perLanguageWidgets[path],
      ...(schema.enum ? { options: selectOptions(path, schema.enum) } : {}),
      ...(schema.pattern ? { pattern: [schema.pattern, '不是系统记录的原文版本；不要手动填写'] } : {}),
    };
  }
  if (path === 'cover.src') return { ...base, widget: 'image', choose_url: false };
  if (schema.const !== undefined) return { ...base, widget: 'hidden', default: schema.const };
  if (schema.enum) return { ...base, widget: 'select', options: selectOptions(path, schema.enum) };
  if (schema.format === 'date') {
    return { ...base, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
  }
  if (schema.type === 'string' && schema.pattern === localDateTimePattern) {
    return {
      ...base,
      widget: 'datetime',
      format: 'YYYY-MM-DD HH:mm',
      date_format: 'YYYY-MM-DD',
      time_format: 'HH:mm',
      picker_utc: false,
      pattern: [schema.pattern, '写成 2026-12-10 09:30（北京时间）'],
    };
  }
  if (schema.type === 'string' && schema.format === 'email') return { ...base, pattern: [schema.pattern!, '不是电子邮箱地址'] };
  if (schema.type === 'string' && schema.pattern) return { ...base, pattern: [schema.pattern, '只能用小写字母、数字和连字符，例如 horqin-river-cleanup'] };
  if (schema.type === 'string') return { ...base, widget: multiline ? 'text' : 'string', pattern: ['\\S', '不能只写空格'] };
  if (schema.type === 'boolean') return { ...base, widget: 'boolean' };
  if (schema.type === 'integer' || schema.type === 'number') {
    const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : schema.minimum;
    return { ...base, widget: 'number', value_type: schema.type === 'integer' ? 'int' : 'float', ...(min !== undefined ? { min } : {}) };
  }
  if (schema.type === 'array' && schema.items?.enum) {
    return { ...base, widget: 'select', multiple: true, options: selectOptions(path, schema.items.enum), ...(schema.minItems ? { min: schema.minItems } : {}) };
  }
  if (schema.type === 'array' && schema.items?.type === 'object') {
    return { ...base, widget: 'list', fields: objectFields(path, schema.items, true), ...(schema.minItems ? { min: schema.minItems } : {}) };
  }
  if (schema.type === 'array' && schema.items) {
    // One entry per line of a list of texts, each checked like a field of its own.
    const item = decapField(path, schema.items, true);
    return { ...base, widget: 'list', field: { ...item, name: 'item', label }, ...(schema.minItems ? { min: schema.minItems } : {}) };
  }
  if (schema.type === 'object') return { ...base, widget: 'object', fields: objectFields(path, schema, required) };
  throw new Error(`The CMS cannot show field "${path}" (JSON Schema ${JSON.stringify(schema)}); teach decapField in src/lib/cms/decapConfig.ts`);
}

/**
 * The fields of an object. Inside an optional object (a cover) nothing is required on its own: Decap
 * would otherwise demand the parts of a cover nobody added; the save check (validateEntry) still
 * refuses a cover without alt text.
 */
function objectFields(path: string, schema: JsonSchema, parentRequired: boolean): DecapField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => decapField(path ? `${path}.${name}` : name, property, parentRequired && required.has(name)));
}

/**
 * The top-level fields of a kind, each marked for translation: free text is written per language,
 * facts (dates, regions, numbers) are copied from the Chinese original into the translation.
 */
export function publicationFields(kind: PublicationKind): DecapField[] {
  const schema = frontmatterJsonSchema(kind);
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const field = decapField(name, property, required.has(name));
    const perLanguage = name in perLanguageWidgets || ['reviewedBy', 'reviewedOn', 'draft'].includes(name);
    // Decap's list widget takes only true or false: a list is written per language (the
    // translator starts it with "copy from ZH").
    const translated = perLanguage || holdsFreeText(property) || field.widget === 'list';
    return { ...field, i18n: translated ? true : ('duplicate' as const) };
  });
  const identity = ['title', 'translationKey', 'lang', 'translationStatus', 'translatedFrom', 'reviewedBy', 'reviewedOn', 'draft'];
  const ordered = [...identity.map((name) => fields.find((field) => field.name === name)!), ...fields.filter((field) => !identity.includes(field.name))];
  return [...ordered, { name: 'body', label: labelFor('body').label, widget: 'markdown', required: true, i18n: true }];
}

export interface CmsBackend {
  /** `gitea` (Gitea), `forgejo`, `github`, or `test-repo` (in-browser, for trying the editor). */
  name: string;
  repo?: string;
  branch?: string;
  base_url?: string;
  api_root?: string;
  auth_endpoint?: string;
  app_id?: string;
}

/** Where the files live in the repository, per kind. */
export const contentFolder = (kind: PublicationKind) => `src/content/${kind}`;

/**
 * Backends of the Decap we ship (decap-cms-app 3.16) that have no editorial workflow: the Gitea
 * backend (decap-cms-backend-gitea 3.5) refuses to start with it ("The Gitea backend does not
 * support editorial workflow"). The Forgejo backend has one.
 */
export const backendsWithoutEditorialWorkflow: ReadonlySet<string> = new Set(['gitea']);

/** Whether saves go through draft → in review → ready → published; never where the backend cannot. */
export function usesEditorialWorkflow(backendName: string, wanted: boolean | undefined): boolean {
  return wanted !== false && !backendsWithoutEditorialWorkflow.has(backendName);
}

/** The whole configuration given to CMS.init (load_config_file: false: there is no config.yml). */
export function decapConfig(backend: CmsBackend, options: { localBackendUrl?: string; editorialWorkflow?: boolean } = {}) {
  return {
    load_config_file: false,
    backend: { ...backend, squash_merges: true },
    ...(options.localBackendUrl ? { local_backend: { url: options.localBackendUrl } } : {}),
    publish_mode: usesEditorialWorkflow(backend.name, options.editorialWorkflow) ? 'editorial_workflow' : 'simple',
    locale: 'zh_Hans',
    media_folder: 'src/content/images',
    i18n: { structure: 'multiple_folders', locales: ['zh', 'mn'], default_locale: 'zh' },
    collections: publicationKinds.map((kind) => ({
      name: kind,
      label: collectionLabels[kind].label,
      label_singular: collectionLabels[kind].singular,
      folder: contentFolder(kind),
      extension: 'mdx',
      format: 'publication-mdx',
      create: true,
      i18n: true,
      identifier_field: 'translationKey',
      slug: '{{slug}}',
      summary: '{{title}}  ({{translationKey}})',
      sortable_fields: ['date', 'title'],
      // Pictures sit beside the language folders: cases/images/, referred to as ../images/x.jpg.
      media_folder: '../images',
      public_folder: '../images',
      editor: { preview: true },
      fields: publicationFields(kind),
    })),
  };
}

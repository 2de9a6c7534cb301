import * as v from 'valibot';
import { categoryIds, regionIds } from '../taxonomy';
import type { UiKey } from '../../i18n/schema';
import { isoCalendarDate } from '../formatDate';

/**
 * The one definition of a valid tip, shared by the form (server rendering), the form's browser
 * check and the function. Messages are UI string keys; the reader's language is chosen when they
 * are shown (see tipErrorMessages).
 */
export const tipLimits = {
  descriptionMin: 20,
  descriptionMax: 5000,
  placeMax: 500,
  responsibleMax: 500,
  nameMax: 100,
  maxFiles: 5,
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalFileBytes: 25 * 1024 * 1024,
} as const;

/** Types a piece of evidence may be, with the file name endings a browser may send instead of a type. */
export const evidenceTypes = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/heic': ['.heic', '.heif'],
  'application/pdf': ['.pdf'],
} as const;
export type EvidenceType = keyof typeof evidenceTypes;

/** The file input's accept list: every type and name ending above. */
export const evidenceAccept = [...Object.values(evidenceTypes).flat(), ...Object.keys(evidenceTypes)].join(',');

/** The type a file claims: its MIME type, or (phones often send HEIC with none) its name ending. */
export function claimedEvidenceType(file: { name: string; type: string }): EvidenceType | undefined {
  const type = file.type.toLowerCase();
  if (type === 'image/heif') return 'image/heic';
  if (Object.hasOwn(evidenceTypes, type)) return type as EvidenceType;
  if (type !== '' && type !== 'application/octet-stream') return undefined;
  const name = file.name.toLowerCase();
  return (Object.keys(evidenceTypes) as EvidenceType[]).find((candidate) => evidenceTypes[candidate].some((ending) => name.endsWith(ending)));
}

/** Empty text fields arrive as "" from forms: treat them as not given. */
const emptyAsUndefined = v.transform((value: string | undefined) => (value ? value : undefined));
const optionalTrimmed = () => v.pipe(v.optional(v.pipe(v.string(), v.trim())), emptyAsUndefined);
const optionalText = (max: number, tooLong: UiKey) => v.pipe(v.optional(v.pipe(v.string(tooLong), v.trim(), v.maxLength(max, tooLong))), emptyAsUndefined);

/** Mainland mobile (11 digits from 1) or landline with area code; spaces and dashes ignored. */
const phonePattern = /^(?:\+?86)?(?:1[3-9]\d{9}|0\d{2,3}\d{7,8})$/;

/**
 * A field the reader must fill in: missing altogether, it is checked as empty and so gets the
 * field's own message (valibot would otherwise report a missing key in its own words).
 */
const required = <Schema extends v.GenericSchema>(schema: Schema) => v.pipe(v.optional(v.unknown(), ''), schema);
/** Text that must be given, trimmed, between min and max characters; `tooShort` also for a missing or non-text value. */
const requiredText = (min: number, max: number, tooShort: UiKey, tooLong: UiKey = tooShort) =>
  required(v.pipe(v.string(tooShort), v.trim(), v.minLength(min, tooShort), v.maxLength(max, tooLong)));

const evidenceFile = v.pipe(
  v.file('tip.error.fileType' satisfies UiKey),
  v.check((file) => claimedEvidenceType(file) !== undefined, 'tip.error.fileType' satisfies UiKey),
  v.check((file) => file.size <= tipLimits.maxFileBytes, 'tip.error.fileTooLarge' satisfies UiKey),
);

/**
 * What to do with the hidden data in evidence files (location, device, time, author): "remove"
 * (the default, also when the field is missing) or "keep" (send the files exactly as they are).
 */
export const metadataChoices = ['remove', 'keep'] as const;
export type MetadataChoice = (typeof metadataChoices)[number];

/** A tip's files, and the files of a tipster's reply on the status page: the same limits. */
const evidenceFiles = v.optional(
  v.pipe(
    v.array(evidenceFile),
    v.maxLength(tipLimits.maxFiles, 'tip.error.tooManyFiles' satisfies UiKey),
    v.check((files) => files.reduce((total, file) => total + file.size, 0) <= tipLimits.maxTotalFileBytes, 'tip.error.filesTooLargeTogether' satisfies UiKey),
  ),
  () => [],
);
const metadataChoice = v.optional(v.picklist(metadataChoices, 'tip.error.metadata' satisfies UiKey), 'remove');

const fields = v.object({
  category: required(v.picklist(categoryIds, 'tip.error.category' satisfies UiKey)),
  description: requiredText(tipLimits.descriptionMin, tipLimits.descriptionMax, 'tip.error.descriptionLength'),
  place: requiredText(1, tipLimits.placeMax, 'tip.error.placeRequired', 'tip.error.placeTooLong'),
  region: required(v.picklist(regionIds, 'tip.error.region' satisfies UiKey)),
  noticedOn: v.pipe(
    optionalTrimmed(),
    v.check((value) => value === undefined || isPastOrTodayIsoDate(value), 'tip.error.noticedOn' satisfies UiKey),
  ),
  responsible: optionalText(tipLimits.responsibleMax, 'tip.error.responsibleTooLong'),
  identity: required(v.picklist(['anonymous', 'named'], 'tip.error.identity' satisfies UiKey)),
  name: optionalText(tipLimits.nameMax, 'tip.error.nameTooLong'),
  phone: v.pipe(
    v.optional(v.string()),
    v.transform((value) => (value ? value.replace(/[\s-]/g, '') : undefined)),
    v.check((value) => value === undefined || phonePattern.test(value), 'tip.error.phone' satisfies UiKey),
  ),
  email: v.pipe(optionalTrimmed(), v.optional(v.pipe(v.string(), v.email('tip.error.email' satisfies UiKey), v.maxLength(254, 'tip.error.email' satisfies UiKey)))),
  consent: required(
    v.pipe(
      v.union([v.picklist(['yes', 'on', 'true']), v.literal(true)], 'tip.error.consent' satisfies UiKey),
      v.transform(() => true as const),
    ),
  ),
  files: evidenceFiles,
  metadata: metadataChoice,
});

type Fields = v.InferOutput<typeof fields>;

/** Problems that depend on two fields, each reported on the field the reader must change. */
function crossFieldProblems(tip: Fields): Array<[keyof Fields, UiKey]> {
  const problems: Array<[keyof Fields, UiKey]> = [];
  // HEIC cannot be cleaned here: the tipster converts it or chooses to send it as it is.
  if (tip.metadata === 'remove' && tip.files.some((file) => claimedEvidenceType(file) === 'image/heic')) problems.push(['files', 'tip.error.heicNotCleaned']);
  if (tip.identity === 'named' && !tip.name) problems.push(['name', 'tip.error.nameRequired']);
  if (tip.identity === 'named' && !tip.phone && !tip.email) problems.push(['phone', 'tip.error.contactRequired']);
  return problems;
}

// valibot: one schema for the function and the form's script; its functions tree-shake, so the
// script carries only what this schema uses (the page's JavaScript stays under 30 KB).
export const tipFieldsSchema = v.pipe(
  fields,
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const [key, message] of crossFieldProblems(dataset.value)) {
      addIssue({ message, path: [{ type: 'object', origin: 'value', input: dataset.value, key, value: dataset.value[key] }] });
    }
  }),
  v.transform(({ name, phone, email, ...tip }) => ({
    ...tip,
    // An anonymous tip keeps no contact details, even ones typed before choosing anonymous.
    contact: tip.identity === 'named' ? { name: name!, phone, email } : undefined,
  })),
);

export type TipFieldsInput = v.InferInput<typeof tipFieldsSchema>;
export type ValidTip = v.InferOutput<typeof tipFieldsSchema>;

/** The fields a reader fills in, in the order the form shows them (for the error summary). */
export const tipFieldOrder = [
  'category',
  'description',
  'place',
  'region',
  'noticedOn',
  'responsible',
  'files',
  'metadata',
  'identity',
  'name',
  'phone',
  'email',
  'consent',
] as const;
export type TipField = (typeof tipFieldOrder)[number];
export type TipFieldErrors = Partial<Record<TipField, UiKey>>;

/** The first problem of each field, as UI string keys. */
export function tipFieldErrors(issues: ReadonlyArray<v.BaseIssue<unknown>>): TipFieldErrors {
  const errors: TipFieldErrors = {};
  for (const issue of issues) {
    const field = issue.path?.[0]?.key;
    if (typeof field !== 'string' || !(tipFieldOrder as readonly string[]).includes(field)) continue;
    const key = field as TipField;
    errors[key] ??= (issue.message.startsWith('tip.') ? issue.message : 'tip.error.invalid') as UiKey;
  }
  return errors;
}

/** Validates raw input: the tip, or each field's first problem. */
export function validateTip(input: unknown): { ok: true; tip: ValidTip } | { ok: false; errors: TipFieldErrors } {
  const result = v.safeParse(tipFieldsSchema, input);
  if (result.success) return { ok: true, tip: result.output };
  return { ok: false, errors: tipFieldErrors(result.issues) };
}

/**
 * A tipster's reply in the conversation (status page): plain text up to a tip's length, and
 * files and the hidden-data choice exactly as the tip form takes them.
 */
const replySchema = v.object({
  text: requiredText(1, tipLimits.descriptionMax, 'tip.conversation.replyLength'),
  files: evidenceFiles,
  metadata: metadataChoice,
});
export type ValidReply = v.InferOutput<typeof replySchema>;
export type ReplyFieldErrors = Partial<Record<'text' | 'files' | 'metadata', UiKey>>;

/** Validates a reply: it, or each field's first problem (HEIC with "remove" as for a tip). */
export function validateReply(input: unknown): { ok: true; reply: ValidReply } | { ok: false; errors: ReplyFieldErrors } {
  const result = v.safeParse(replySchema, input);
  if (result.success) {
    if (result.output.metadata === 'remove' && result.output.files.some((file) => claimedEvidenceType(file) === 'image/heic'))
      return { ok: false, errors: { files: 'tip.error.heicNotCleaned' } };
    return { ok: true, reply: result.output };
  }
  const errors: ReplyFieldErrors = {};
  for (const issue of result.issues) {
    const field = issue.path?.[0]?.key;
    if (field === 'text' || field === 'files' || field === 'metadata') errors[field] ??= (issue.message.startsWith('tip.') ? issue.message : 'tip.error.invalid') as UiKey;
  }
  return { ok: false, errors };
}

/** Values filling each message's placeholders. */
export const tipMessageValues = {
  min: tipLimits.descriptionMin,
  max: tipLimits.descriptionMax,
  maxFiles: tipLimits.maxFiles,
  maxFileMb: tipLimits.maxFileBytes / 1024 / 1024,
  maxTotalMb: tipLimits.maxTotalFileBytes / 1024 / 1024,
  placeMax: tipLimits.placeMax,
  responsibleMax: tipLimits.responsibleMax,
  nameMax: tipLimits.nameMax,
};

/**
 * A real calendar date written "2025-05-27", not after today on the site's calendar.
 * @example isPastOrTodayIsoDate('2025-02-30') // false
 */
export function isPastOrTodayIsoDate(value: string, now = new Date()): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  const exists = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return exists && year >= 1900 && value <= isoCalendarDate(now);
}

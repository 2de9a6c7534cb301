import * as z from 'zod/mini';
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
export const evidenceAccept = [
  ...Object.values(evidenceTypes).flat(),
  ...Object.keys(evidenceTypes),
].join(',');

/** The type a file claims: its MIME type, or (phones often send HEIC with none) its name ending. */
export function claimedEvidenceType(file: { name: string; type: string }): EvidenceType | undefined {
  const type = file.type.toLowerCase();
  if (type === 'image/heif') return 'image/heic';
  if (Object.hasOwn(evidenceTypes, type)) return type as EvidenceType;
  if (type !== '' && type !== 'application/octet-stream') return undefined;
  const name = file.name.toLowerCase();
  return (Object.keys(evidenceTypes) as EvidenceType[]).find((candidate) =>
    evidenceTypes[candidate].some((ending) => name.endsWith(ending)),
  );
}

const error = (key: UiKey) => ({ error: key });

/** Empty text fields arrive as "" from forms: treat them as not given. */
const emptyAsUndefined = z.transform((value: string | undefined) => (value ? value : undefined));
const optionalText = (max: number, tooLong: UiKey) =>
  z.pipe(z.optional(z.string(error(tooLong)).check(z.trim(), z.maxLength(max, error(tooLong)))), emptyAsUndefined);
const optionalTrimmed = () => z.pipe(z.optional(z.string().check(z.trim())), emptyAsUndefined);

/** Mainland mobile (11 digits from 1) or landline with area code; spaces and dashes ignored. */
const phonePattern = /^(?:\+?86)?(?:1[3-9]\d{9}|0\d{2,3}\d{7,8})$/;

const evidenceFile = z.file(error('tip.error.fileType')).check(
  z.refine((file) => claimedEvidenceType(file) !== undefined, error('tip.error.fileType')),
  z.refine((file) => file.size <= tipLimits.maxFileBytes, error('tip.error.fileTooLarge')),
);

/**
 * What to do with the hidden data in evidence files (location, device, time, author): "remove"
 * (the default, also when the field is missing) or "keep" (send the files exactly as they are).
 */
export const metadataChoices = ['remove', 'keep'] as const;
export type MetadataChoice = (typeof metadataChoices)[number];

// zod/mini: the same schema as zod's classic API, in functions a browser bundle can tree-shake,
// so the form's script stays small.
export const tipFieldsSchema = z.pipe(
  z
    .object({
      category: z.enum(categoryIds, error('tip.error.category')),
      description: z
        .string(error('tip.error.descriptionLength'))
        .check(
          z.trim(),
          z.minLength(tipLimits.descriptionMin, error('tip.error.descriptionLength')),
          z.maxLength(tipLimits.descriptionMax, error('tip.error.descriptionLength')),
        ),
      place: z
        .string(error('tip.error.placeRequired'))
        .check(z.trim(), z.minLength(1, error('tip.error.placeRequired')), z.maxLength(tipLimits.placeMax, error('tip.error.placeTooLong'))),
      region: z.enum(regionIds, error('tip.error.region')),
      noticedOn: optionalTrimmed().check(z.refine((value) => value === undefined || isPastOrTodayIsoDate(value), error('tip.error.noticedOn'))),
      responsible: optionalText(tipLimits.responsibleMax, 'tip.error.responsibleTooLong'),
      identity: z.enum(['anonymous', 'named'], error('tip.error.identity')),
      name: optionalText(tipLimits.nameMax, 'tip.error.nameTooLong'),
      phone: z
        .pipe(
          z.optional(z.string()),
          z.transform((value: string | undefined) => (value ? value.replace(/[\s-]/g, '') : undefined)),
        )
        .check(z.refine((value) => value === undefined || phonePattern.test(value), error('tip.error.phone'))),
      email: z.pipe(optionalTrimmed(), z.optional(z.email(error('tip.error.email')).check(z.maxLength(254, error('tip.error.email'))))),
      consent: z.pipe(z.literal(['yes', 'on', 'true', true], error('tip.error.consent')), z.transform(() => true as const)),
      files: z._default(
        z.array(evidenceFile).check(
          z.maxLength(tipLimits.maxFiles, error('tip.error.tooManyFiles')),
          z.refine(
            (files) => files.reduce((total, file) => total + file.size, 0) <= tipLimits.maxTotalFileBytes,
            error('tip.error.filesTooLargeTogether'),
          ),
        ),
        [],
      ),
      metadata: z._default(z.enum(metadataChoices, error('tip.error.metadata')), 'remove'),
    })
    .check(
      z.superRefine((tip, context) => {
        // HEIC cannot be cleaned here: the tipster converts it or chooses to send it as it is.
        if (tip.metadata === 'remove' && tip.files.some((file) => claimedEvidenceType(file) === 'image/heic')) {
          context.addIssue({ code: 'custom', path: ['files'], message: 'tip.error.heicNotCleaned', input: tip.files });
        }
        if (tip.identity !== 'named') return;
        if (!tip.name) context.addIssue({ code: 'custom', path: ['name'], message: 'tip.error.nameRequired', input: tip.name });
        if (!tip.phone && !tip.email) context.addIssue({ code: 'custom', path: ['phone'], message: 'tip.error.contactRequired', input: tip.phone });
      }),
    ),
  z.transform(({ name, phone, email, ...tip }) => ({
    ...tip,
    // An anonymous tip keeps no contact details, even ones typed before choosing anonymous.
    contact: tip.identity === 'named' ? { name: name!, phone, email } : undefined,
  })),
);

export type TipFieldsInput = z.input<typeof tipFieldsSchema>;
export type ValidTip = z.output<typeof tipFieldsSchema>;

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
export function tipFieldErrors(issues: ReadonlyArray<z.core.$ZodIssue>): TipFieldErrors {
  const errors: TipFieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(tipFieldOrder as readonly string[]).includes(field)) continue;
    const key = field as TipField;
    errors[key] ??= (issue.message.startsWith('tip.') ? issue.message : 'tip.error.invalid') as UiKey;
  }
  return errors;
}

/** Validates raw input: the tip, or each field's first problem. */
export function validateTip(input: unknown): { ok: true; tip: ValidTip } | { ok: false; errors: TipFieldErrors } {
  const result = tipFieldsSchema.safeParse(input);
  if (result.success) return { ok: true, tip: result.data };
  return { ok: false, errors: tipFieldErrors(result.error.issues) };
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

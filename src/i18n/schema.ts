import { z } from 'zod';
import zh from './zh.json';

/** Every UI string key. The Chinese file is the reference: a key exists once it is in zh.json. */
export type UiKey = keyof typeof zh;

const uiKeys = Object.keys(zh) as UiKey[];

/**
 * One language's UI strings: exactly the keys of zh.json, none missing, none extra, none blank.
 * A language file that fails this stops the build, with the key named in the message.
 */
export const uiStringsSchema = z.strictObject(
  Object.fromEntries(
    uiKeys.map((key) => [
      key,
      z
        .string({ error: `"${key}" is missing: add it with the text in this language.` })
        .trim()
        .min(1, { error: `"${key}" is empty: write the text in this language.` }),
    ]),
  ) as Record<UiKey, z.ZodString>,
);

export type UiStrings = z.infer<typeof uiStringsSchema>;

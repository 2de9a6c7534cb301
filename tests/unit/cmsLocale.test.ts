// Every message Decap's own widgets give beside a field is Chinese: Decap falls back to English
// for a phrase its Chinese lacks, so src/admin/locale.ts adds them.
import { describe, expect, it } from 'vitest';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import { chinesePhrases, withMissingPhrases } from '../../src/admin/locale';

type Phrases = { [key: string]: string | Phrases };
const at = (phrases: Phrases, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Phrases | undefined)?.[key], phrases);
const keysOf = (node: unknown) => Object.keys(node as Phrases);

describe("the editor's Chinese", () => {
  it.each(['editor.editorControlPane.widget', 'editor.editorWidgets.datetime', 'editor.editorWidgets.list', 'editor.editorWidgets.object'])(
    'has every phrase of %s, in Chinese',
    (path) => {
      for (const key of keysOf(at(en as Phrases, path))) {
        const phrase = at(chinesePhrases, `${path}.${key}`);
        expect(phrase, `${path}.${key}`).toMatch(/[\u4e00-\u9fff]/);
      }
    },
  );

  it("keeps Decap's own phrases and adds only what is missing", () => {
    expect(withMissingPhrases({ a: { b: '原有' } }, { a: { b: 'new', c: '新增' } })).toEqual({ a: { b: '原有', c: '新增' } });
    expect(at(chinesePhrases, 'editor.editorControlPane.widget.required')).toBe('“%{fieldLabel}”是必填项');
  });
});

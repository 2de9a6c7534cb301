import { describe, expect, it } from 'vitest';
import { findForbiddenCharacters } from '../../src/lib/scriptCheck';

describe('findForbiddenCharacters', () => {
  it('finds Cyrillic letters with their code point', () => {
    const [first] = findForbiddenCharacters('ᠮᠣᠩᠭᠣᠯ Монгол');
    expect(first).toMatchObject({ character: 'М', codePoint: 'U+041C', kind: 'cyrillic', index: 7 });
  });

  it('finds private-use characters left by legacy Mongolian fonts', () => {
    expect(findForbiddenCharacters('ᠮᠣᠩ\uE234ᠭᠣᠯ')).toMatchObject([{ kind: 'private-use', codePoint: 'U+E234' }]);
  });

  it('accepts traditional script with its control characters, digits and Chinese', () => {
    expect(findForbiddenCharacters('2025 ᠣᠨ\u202Fᠤ ᠰᠠᠷ᠎ᠠ ᠳ᠋ᠤᠭᠠᠷ 通辽')).toEqual([]);
  });
});

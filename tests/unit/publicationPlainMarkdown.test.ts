import { describe, expect, it } from 'vitest';
import { bodyOf, isPlainMarkdown } from '../../src/lib/publications/plainMarkdown';

// Plain bodies are rendered as Markdown while content syncs (no Vite module each); anything that
// could read differently as MDX stays MDX.
describe('isPlainMarkdown', () => {
  it('takes what press staff write: paragraphs, headings, lists, emphasis, links', () => {
    expect(isPlainMarkdown('## 基本案情\n\n检察机关**依法**办理。\n\n- 一\n- 二\n\n[通知](/zh/open-days/)')).toBe(true);
    expect(isPlainMarkdown('ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠬᠣᠷᠢᠶ᠎ᠠ᠃')).toBe(true);
  });
  it('leaves MDX to MDX: imports, exports, JSX, expressions, HTML, autolinks, indented code', () => {
    for (const body of ['import Figure from "../Figure.astro";\n\n<Figure />', 'export const a = 1;', '共 {count} 件', '<br>', '<https://example.cn>', '    代码', '\t代码']) {
      expect(isPlainMarkdown(body), body).toBe(false);
    }
  });
});

describe('bodyOf', () => {
  it('is what follows the frontmatter', () => {
    expect(bodyOf('---\ntitle: a\n---\n\n正文')).toBe('\n正文');
    expect(bodyOf('正文')).toBe('正文');
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageScripts } from '../../scripts/audit/pageScripts.mjs';

describe('measuring the JavaScript a page loads', () => {
  it('counts module scripts and their static imports once, and lazy chunks apart', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'scripts-'));
    mkdirSync(path.join(dist, '_astro'));
    writeFileSync(path.join(dist, '_astro/form.js'), `import{a}from"./shared.js";import(\`./lazy.js\`);${'x'.repeat(100)}`);
    writeFileSync(path.join(dist, '_astro/shared.js'), `export const a=1;${'y'.repeat(50)}`);
    writeFileSync(path.join(dist, '_astro/other.js'), 'import"./shared.js";');
    writeFileSync(path.join(dist, '_astro/lazy.js'), 'z'.repeat(700));
    const html = '<script type="module" src="/_astro/form.js"></script><script type="module" src="/_astro/other.js"></script><script type="application/json">{}</script>';
    const result = pageScripts(dist, html);
    expect(result.files.sort()).toEqual(['/_astro/form.js', '/_astro/other.js', '/_astro/shared.js']);
    expect(result.raw).toBe(147 + 67 + 20);
    expect(result.lazyFiles).toEqual(['/_astro/lazy.js']);
    expect(result.lazyRaw).toBe(700);
    expect(result.brotli).toBeGreaterThan(0);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nuHtmlErrors } from '../../scripts/audit/nuHtmlChecker.mjs';

const page = (body: string, after = '') => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>T</title></head><body>${body}</body></html>${after}`;

describe('the Nu Html Checker step of the audit', () => {
  it('reports the mistakes the built site once had, naming the page', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'vnu-'));
    writeFileSync(path.join(directory, 'script-after-html.html'), page('<p>x</p>', '<script type="module" src="/a.js"></script>'));
    writeFileSync(path.join(directory, 'dl.html'), page('<dl><div><dd>5 分钟</dd></div></dl>'));
    writeFileSync(path.join(directory, 'select.html'), page('<label for="s">S</label><select id="s" required><option value="a">A</option></select>'));
    writeFileSync(
      path.join(directory, 'good.html'),
      page('<dl><div><dt>阅读时长</dt><dd>5 分钟</dd></div></dl><script type="application/json" data-ui-strings>{"a":"b"}</script>'),
    );
    const errors = nuHtmlErrors(directory);
    expect(errors.some((error) => error.startsWith('/script-after-html.html') && error.includes('Stray start tag'))).toBe(true);
    expect(errors.some((error) => error.startsWith('/dl.html') && error.includes('“dt”'))).toBe(true);
    expect(errors.some((error) => error.startsWith('/select.html') && error.includes('required'))).toBe(true);
    expect(errors.filter((error) => error.startsWith('/good.html'))).toEqual([]);
  }, 60_000);
});

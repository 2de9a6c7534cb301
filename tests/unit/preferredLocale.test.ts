import { describe, expect, it } from 'vitest';
import { preferredLocale } from '../../src/lib/preferredLocale';

describe('preferredLocale', () => {
  it('picks Mongolian for any Mongolian tag', () => {
    expect(preferredLocale('mn-CN,mn;q=0.9,zh-CN;q=0.8')).toBe('mn');
    expect(preferredLocale('mn-Mong')).toBe('mn');
  });
  it('follows the quality values, not only the order', () => {
    expect(preferredLocale('zh-CN;q=0.5, mn;q=0.8')).toBe('mn');
    expect(preferredLocale('en-US,zh-CN;q=0.9,mn;q=0.1')).toBe('zh');
  });
  it('gives nothing for languages the site lacks, an empty header, or q=0', () => {
    expect(preferredLocale('en-US,en;q=0.9')).toBeUndefined();
    expect(preferredLocale('')).toBeUndefined();
    expect(preferredLocale(undefined)).toBeUndefined();
    expect(preferredLocale('mn;q=0')).toBeUndefined();
  });
});

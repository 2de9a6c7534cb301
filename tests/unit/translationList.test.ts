// The translation state on each entry of the editor's lists, and how fresh it says it is.
import { describe, expect, it } from 'vitest';
import { badgeFor, freshnessNote } from '../../src/lib/cms/translationList';

const row = { kind: 'articles', slug: 'spot-elder-fraud', tracked: true, draft: false, reviewedBy: null, reviewedOn: null, originalChangedAt: null };

describe('the translation badge of a list entry', () => {
  it('names the state in Chinese with what a press officer acts on', () => {
    expect(badgeFor({ ...row, state: 'missing', tracked: false, draft: null })).toEqual({ text: '无蒙古文译文', details: '蒙古文读者看到中文原文和提示' });
    expect(badgeFor({ ...row, state: 'unreviewed' })).toEqual({ text: '蒙古文未审校', details: '' });
    expect(badgeFor({ ...row, state: 'reviewed', reviewedBy: 'Bater', reviewedOn: '2026-11-30' }).details).toBe('审校：Bater，2026-11-30');
    // 2026-12-02 20:00 UTC is already 12-03 in Beijing.
    expect(badgeFor({ ...row, state: 'outdated', originalChangedAt: '2026-12-02T20:00:00.000Z' })).toEqual({
      text: '蒙古文已过时',
      details: '中文原文 2026年12月3日 修改过，请按原文更新译文',
    });
    expect(badgeFor({ ...row, state: 'unreviewed', tracked: false, draft: true }).details).toBe('未记录所依据的原文版本，无法判断是否过时；译文是草稿，尚未发布');
  });

  it('says whether the states are live or as of the last build, in Beijing time', () => {
    expect(freshnessNote({ asOf: '2026-12-03T04:05:00.000Z', live: true })).toBe('蒙古文译文状态：实时，读自本机文件');
    expect(freshnessNote({ asOf: '2026-12-03T04:05:00.000Z', live: false })).toMatch(/^蒙古文译文状态：截至 2026年12月3日 12:05（北京时间）网站构建时；/);
  });
});

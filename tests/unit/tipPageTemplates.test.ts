// Each page the tip function renders: anything that could carry a reader's or an attacker's text
// comes back as that text, and never as an element.
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { fillShell, renderConfirmation, renderConfirmationGone, renderProblem, renderStatusResult, retitle, shellEnd, shellStart } from '../../src/lib/tips/renderPages';

const payload = `"><script>alert(1)</script><img src=x onerror=alert(2)>'&`;
const noMarkupFrom = (html: string) => {
  const page = parse(html);
  expect(page.querySelectorAll('script, img')).toHaveLength(0);
  return page;
};

describe('the tip function pages', () => {
  it('confirmation: shows a receipt code as text', () => {
    const page = noMarkupFrom(renderConfirmation('zh', payload, new Date('2025-05-27T08:00:00Z')));
    expect(page.querySelector('[data-receipt-code]')!.text).toBe(payload);
  });

  it('problem page: shows title and body as text', () => {
    const page = noMarkupFrom(renderProblem('mn', payload, payload));
    expect(page.querySelector('h1')!.text).toBe(payload);
    expect(page.querySelector('.error-summary p')!.text).toBe(payload);
  });

  it('status answer and "code shown once": carry no request text at all, in both languages', () => {
    for (const locale of ['zh', 'mn'] as const) {
      noMarkupFrom(renderStatusResult(locale, { status: 'accepted', changedAt: new Date('2025-05-27T08:00:00Z') }));
      noMarkupFrom(renderStatusResult(locale, undefined));
      noMarkupFrom(renderConfirmationGone(locale));
    }
  });

  it('page shell: a title built from text is escaped, the area is our own markup', () => {
    const shell = `<html><head><title>提交线索 | 检察院 &amp; 公益</title></head><body>${shellStart}old${shellEnd}</body></html>`;
    const filled = fillShell(shell, '<p id="area">new</p>', retitle(payload));
    const page = noMarkupFrom(filled);
    expect(page.querySelector('title')!.text).toBe(`${payload} | 检察院 & 公益`);
    expect(page.querySelector('#area')!.text).toBe('new');
  });
});

import { expect, test } from '@playwright/test';

test('pages are served with the security headers of src/lib/http/siteHeaders.ts', async ({ request }) => {
  const response = await request.get('/zh/');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['strict-transport-security']).toContain('max-age=');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('the pages work under that policy: the browser refuses nothing', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  for (const path of ['/zh/', '/mn/', '/']) {
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
  }
  expect(refused).toEqual([]);
});

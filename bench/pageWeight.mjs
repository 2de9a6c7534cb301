// What a reader downloads for one page of each template: the HTML and every stylesheet, script and
// font it pulls in, raw and compressed (gzip, brotli), measured in a real browser so fonts count only
// when the page really draws with them.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright';
import { findChromium, chromiumArgs } from '../tests/support/findChromium.ts';
import { recordResponseBodies } from './responseBodies.mjs';

const kindOf = (resourceType, url) =>
  resourceType === 'document'
    ? 'html'
    : resourceType === 'stylesheet'
      ? 'css'
      : resourceType === 'script'
        ? 'js'
        : resourceType === 'font' || /\.woff2?$/.test(url)
          ? 'font'
          : resourceType === 'image'
            ? 'image'
            : 'other';

/** Bytes per kind for one page, from the bodies the browser received. */
export async function measurePage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const recorded = recordResponseBodies(page);
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  const bodies = (await recorded()).map(({ response: each, body }) => ({ kind: kindOf(each.request().resourceType(), each.url()), url: each.url(), body }));
  await context.close();
  const totals = {};
  for (const { kind, body } of bodies) {
    const entry = (totals[kind] ??= { raw: 0, gzip: 0, brotli: 0, files: 0 });
    entry.raw += body.length;
    entry.gzip += gzipSync(body, { level: 9 }).length;
    entry.brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    entry.files += 1;
  }
  return { status: response?.status() ?? 0, totals, fonts: bodies.filter((entry) => entry.kind === 'font').map((entry) => new URL(entry.url).pathname) };
}

export async function launchBenchBrowser() {
  return chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
}

import { chromium } from 'playwright';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
for (const p of process.argv.slice(2)) {
  await page.goto('http://127.0.0.1:8801' + p);
  const r = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const b = el.getBoundingClientRect();
      if (b.right > innerWidth + 1 && !el.closest('main')) out.push(el.tagName + '.' + el.className + ' ' + Math.round(b.right));
    }
    return { sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth, out: out.slice(0, 10) };
  });
  console.log(p, JSON.stringify(r));
}
await browser.close();

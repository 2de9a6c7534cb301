// With JavaScript, photos lose their hidden data in the browser before they are sent (finding 2
// of the tipster-safety audit); the re-encoder is loaded only once a photo is chosen.
import { expect, test } from '@playwright/test';
import sharp from 'sharp';

const photo = async () => ({
  name: 'IMG_0001.jpg',
  mimeType: 'image/jpeg',
  buffer: await sharp({ create: { width: 32, height: 24, channels: 3, background: '#468' } })
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Model X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 39/1 0/1' } })
    .jpeg()
    .toBuffer(),
});

/** What the file input will send: name, type and whether the camera's data is still in it. */
const chosenFile = (page: import('@playwright/test').Page) =>
  page.locator('#tip-files').evaluate(async (input: HTMLInputElement) => {
    const file = input.files![0]!;
    const text = new TextDecoder('latin1').decode(await file.arrayBuffer());
    return { name: file.name, type: file.type, hasCameraData: text.includes('PhoneMaker') };
  });

for (const [lang, cleaned] of [
  ['zh', '已去除 1 张照片里的隐藏信息。'],
  ['mn', '1 ᠵᠢᠷᠤᠭ'],
] as const) {
  test(`${lang}: a chosen photo is re-encoded without its camera data unless "keep" is chosen`, async ({ page }) => {
    const loadedScripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') loadedScripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`/${lang}/tip/`);
    await expect(page.locator('#tip-metadata-remove')).toBeChecked();
    expect(loadedScripts.some((path) => path.includes('reencodeImages'))).toBe(false);

    await page.locator('#tip-files').setInputFiles(await photo());
    await expect(page.locator('[data-file-cleaning]')).toContainText(cleaned);
    expect(loadedScripts.some((path) => path.includes('reencodeImages'))).toBe(true);
    expect(await chosenFile(page)).toEqual({ name: 'IMG_0001.jpg', type: 'image/jpeg', hasCameraData: false });

    await page.locator('#tip-metadata-keep').check();
    await expect(page.locator('[data-file-cleaning]')).toBeHidden();
    expect(await chosenFile(page)).toMatchObject({ hasCameraData: true });
  });
}

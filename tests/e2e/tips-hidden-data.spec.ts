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

test('a photo taken with the phone on its side is re-encoded the way up the camera meant (EXIF Orientation 6)', async ({ page }) => {
  // Stored 32×24, red on top and blue below; Orientation 6 says "turn 90° clockwise to show", so
  // upright it is 24×32 with red on the right.
  const red = await sharp({ create: { width: 32, height: 12, channels: 3, background: '#f00' } })
    .png()
    .toBuffer();
  const sideways = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#00f' } })
    .composite([{ input: red, top: 0, left: 0 }])
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 95 })
    .toBuffer();
  await page.goto('/zh/tip/');
  await page.locator('#tip-files').setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: sideways });
  await expect(page.locator('[data-file-cleaning]')).toContainText('已去除 1 张照片里的隐藏信息。');
  const sent = Buffer.from(await page.locator('#tip-files').evaluate(async (input: HTMLInputElement) => [...new Uint8Array(await input.files![0]!.arrayBuffer())]));
  const { data, info } = await sharp(sent).raw().toBuffer({ resolveWithObject: true });
  expect((await sharp(sent).metadata()).orientation).toBeUndefined();
  expect([info.width, info.height]).toEqual([24, 32]);
  const redAt = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
  expect(redAt(20, 16)).toBeGreaterThan(200);
  expect(redAt(3, 16)).toBeLessThan(60);
});

// Finding 2 through the tip service: what the tipster chose about hidden data is what staff get.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { handleTipRequest } from '../../src/lib/http/routes/tips';
import { sqlTipEnvironment, openSealedBytes, openSealedText } from './support/sqlTipEnvironment';
import { anonymousTip, tipFormRequest } from './support/tipFixtures';

const tip = anonymousTip;
const form = tipFormRequest;
const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);
const photoWithLocation = async () =>
  new File(
    [
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#468' } })
        .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N' } })
        .jpeg()
        .toBuffer(),
    ],
    'IMG_0001.jpg',
    { type: 'image/jpeg' },
  );

async function storedFile(env: ReturnType<typeof sqlTipEnvironment>) {
  const tip = env.tips()[0]!;
  const content = JSON.parse(await openSealedText(tip.content, tip.id));
  const described = content.attachments[0];
  return { described, bytes: await openSealedBytes(env.objects.get(described.objectKey)!, tip, 0) };
}

describe('hidden data in evidence files', () => {
  it('is removed before sealing when the tipster leaves the default choice', async () => {
    const environment = sqlTipEnvironment();
    const response = await handleTipRequest(form(tip, [await photoWithLocation()]), environment.env);
    expect(response.status).toBe(303);
    const { described, bytes } = await storedFile(environment);
    expect(latin1(bytes)).not.toContain('PhoneMaker');
    expect(described.hiddenDataRemoved).toBe(true);
    expect(described.byteLength).toBe(bytes.byteLength);
    expect((await sharp(bytes).metadata()).width).toBe(8);
  });

  it('is kept, byte for byte, when the tipster chose to send the file as it is', async () => {
    const environment = sqlTipEnvironment();
    const photo = await photoWithLocation();
    await handleTipRequest(form({ ...tip, metadata: 'keep' }, [photo]), environment.env);
    const { described, bytes } = await storedFile(environment);
    expect([...bytes]).toEqual([...new Uint8Array(await photo.arrayBuffer())]);
    expect(described.hiddenDataRemoved).toBe(false);
  });

  it('a HEIC photo with "remove": nothing stored, the form asks to convert it or choose "keep", in Mongolian too', async () => {
    const heic = new File([new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0])], 'IMG_0002.HEIC', { type: 'image/heic' });
    const environment = sqlTipEnvironment();
    const response = await handleTipRequest(form(tip, [heic], 'mn'), environment.env);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('HEIC ᠵᠢᠷᠤᠭ');
    expect(environment.tips()).toHaveLength(0);
    const kept = await handleTipRequest(form({ ...tip, metadata: 'keep' }, [heic]), environment.env);
    expect(kept.status).toBe(303);
  });

  it('a file that cannot be cleaned: nothing stored, the reader is told which choice lets it through', async () => {
    const broken = new File([new TextEncoder().encode('%PDF-1.7 not really a PDF')], 'scan.pdf', { type: 'application/pdf' });
    const environment = sqlTipEnvironment();
    const response = await handleTipRequest(form(tip, [broken]), environment.env);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('有一个文件无法去除隐藏信息');
    expect(environment.tips()).toHaveLength(0);
    expect(environment.objects.size).toBe(0);
  });
});

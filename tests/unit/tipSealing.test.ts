import { describe, expect, it } from 'vitest';
import { solveChallenge } from 'altcha-lib/v1';
import { handleTipRequest } from '../../src/lib/tips/handleTipRequest';
import { generateSealingKeyPair, importPrivateKeyFile, importSealingPublicKey, openBytes, openText, sealBytes, sealText, sealedKeyId, fromBase64Url } from '../../src/lib/crypto/sealedBox';
import { memoryTipEnvironment, openSealedBytes, openSealedText, testOpeningKey } from './support/memoryTipEnvironment';

const base = 'https://tips.example/api/tips';
const tip = {
  category: 'ecology',
  description: '河道里有大量工业废水直接排放，已经持续一个月了。',
  place: '东侧河道 <script>alert(1)</script>',
  region: 'horqin',
  identity: 'named',
  name: '王五',
  phone: '13912345678',
  email: 'wang@example.com',
  consent: 'yes',
};
const form = (fields: Record<string, string>, files: File[] = []) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  for (const file of files) data.append('files', file);
  return new Request(`${base}?lang=zh`, { method: 'POST', body: data });
};

describe('sealing to the procuratorate public key', () => {
  it('opens to exactly what was sealed, only with the matching private key', async () => {
    const pair = await generateSealingKeyPair();
    const other = await generateSealingKeyPair();
    const recipient = await importSealingPublicKey(pair.publicKey);
    const sealed = await sealText(recipient, '举报内容 ᠮᠣᠩᠭᠣᠯ');
    expect(sealed).not.toContain('举报');
    const opener = await importPrivateKeyFile(JSON.stringify(pair.file));
    expect(await openText([opener], sealed)).toBe('举报内容 ᠮᠣᠩᠭᠣᠯ');
    expect(sealedKeyId(fromBase64Url(sealed.slice('sealed1:'.length)))).toBe(pair.keyId);
    await expect(openText([await importPrivateKeyFile(JSON.stringify(other.file))], sealed)).rejects.toThrow(/sealed to key/);
  });

  it('keeps the loaded private key non-extractable', async () => {
    expect(testOpeningKey.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', testOpeningKey.key)).rejects.toThrow();
  });

  it('refuses tampered sealed bytes rather than returning altered text', async () => {
    const pair = await generateSealingKeyPair();
    const sealed = await sealBytes(await importSealingPublicKey(pair.publicKey), new TextEncoder().encode('原文'));
    sealed[sealed.length - 1]! ^= 1;
    await expect(openBytes([await importPrivateKeyFile(JSON.stringify(pair.file))], sealed)).rejects.toThrow(/changed or is damaged/);
  });

  it('opens tips sealed to an older key when staff hold both keys (rotation)', async () => {
    const [oldPair, newPair] = [await generateSealingKeyPair(), await generateSealingKeyPair()];
    const oldSealed = await sealText(await importSealingPublicKey(oldPair.publicKey), 'old');
    const newSealed = await sealText(await importSealingPublicKey(newPair.publicKey), 'new');
    const keys = [await importPrivateKeyFile(JSON.stringify(newPair.file)), await importPrivateKeyFile(JSON.stringify(oldPair.file))];
    expect([await openText(keys, oldSealed), await openText(keys, newSealed)]).toEqual(['old', 'new']);
  });

  it('explains a private key file that is not one', async () => {
    await expect(importPrivateKeyFile('not json')).rejects.toThrow(/not a private key file/);
    await expect(importPrivateKeyFile('{"a":1}')).rejects.toThrow(/not a tip private key file/);
  });

  it('stores a submitted tip with content, contact and file unreadable, and they open to exactly what was sent', async () => {
    const { env, tips, objects } = memoryTipEnvironment();
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('JFIF photo of the pipe 排污口')]);
    const response = await handleTipRequest(form(tip, [new File([photo], '排污口照片.jpg', { type: 'image/jpeg' })]), env);
    expect(response.status).toBe(303);
    const stored = tips[0]!;
    const everythingStored = JSON.stringify(stored) + [...objects.values()].map((bytes) => new TextDecoder('latin1').decode(bytes)).join('');
    for (const secret of ['河道', '王五', '13912345678', 'wang@example.com', '排污口', 'JFIF', 'image/jpeg']) expect(everythingStored).not.toContain(secret);
    expect(stored).toMatchObject({ category: 'ecology', region: 'horqin', sealedToKeyId: testOpeningKey.keyId });

    const content = JSON.parse(await openSealedText(stored.content));
    expect(content).toMatchObject({ description: tip.description, place: tip.place, contact: { name: '王五', phone: '13912345678', email: 'wang@example.com' } });
    expect(content.attachments[0]).toMatchObject({ name: '排污口照片.jpg', contentType: 'image/jpeg', byteLength: photo.byteLength });
    expect(await openSealedBytes(objects.get(content.attachments[0].objectKey)!)).toEqual(photo);
  });
});

describe('proof of work that shuts no one out', () => {
  it('marks a tip with a solved challenge "pow"', async () => {
    const { env, tips } = memoryTipEnvironment();
    const challenge = await (await handleTipRequest(new Request(`${base}/challenge`), env)).json();
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    const payload = btoa(JSON.stringify({ ...challenge, number: solution!.number }));
    expect((await handleTipRequest(form({ ...tip, altcha: payload }), env)).status).toBe(303);
    expect(tips[0]!.abuseCheck).toBe('pow');
  });

  it('accepts a tip sent without script and marks it for review', async () => {
    const { env, tips } = memoryTipEnvironment();
    expect((await handleTipRequest(form(tip), env)).status).toBe(303);
    expect(tips[0]!.abuseCheck).toBe('none');
  });

  it('accepts but marks "failed" a forged, wrong or expired solution', async () => {
    const { env, tips } = memoryTipEnvironment();
    const challenge = await (await handleTipRequest(new Request(`${base}/challenge`), env)).json();
    const wrong = btoa(JSON.stringify({ ...challenge, number: -1 }));
    await handleTipRequest(form({ ...tip, description: `${tip.description}一`, altcha: wrong }), env);
    await handleTipRequest(form({ ...tip, description: `${tip.description}二`, altcha: 'garbage!!' }), env);
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    const later = { ...env, now: () => new Date(Date.now() + 31 * 60 * 1000) };
    await handleTipRequest(form({ ...tip, description: `${tip.description}三`, altcha: btoa(JSON.stringify({ ...challenge, number: solution!.number })) }), later);
    expect(tips.map((stored) => stored.abuseCheck)).toEqual(['failed', 'failed', 'failed']);
  });
});

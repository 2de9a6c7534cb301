import { createPrivateKey, createPublicKey, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../src/lib/crypto/base64url';
import { generateReviewerKey, importKeyFile, importReviewerPublicKey, SealingKeyError } from '../../src/lib/crypto/reviewerKeys';
import { openTipContent, resealTipContent } from '../../src/lib/crypto/tipEnvelope';
import { generateReceiptCode, normalizeReceiptCode } from '../../src/lib/tips/receiptCode';
import { openAsTipster, openWithTipsterKeys, sealForTipster } from '../../src/lib/conversation/staffMessage';
import {
  NotAReceiptCodeError,
  tipsterKeyInfo,
  tipsterKeysFromCode,
  tipsterKeySalt,
  tipsterPrivateKeyFromCode,
  tipsterPublicKeyForCode,
} from '../../src/lib/conversation/tipsterKeys';
import { messageSealId, openTipsterMessage, openTipsterMessageFile, sealTipsterMessage } from '../../src/lib/conversation/tipsterMessage';

const code = generateReceiptCode();
const letters = code.replace(/-/g, '');
const question = '请问污水排放口的具体位置在哪里？ᠬᠠᠮᠢᠭ᠎ᠠ';
const fast = 1000; // PBKDF2 rounds for reviewer key files made in tests
const reviewer = async (name: string) => {
  const passphrase = `${name} passphrase 1234`;
  const made = await generateReviewerKey(name, passphrase, fast);
  return { listed: await importReviewerPublicKey(name, made.publicKey), opening: await importKeyFile(JSON.stringify(made.file), passphrase) };
};

describe('the tipster key pair derived from the receipt code', () => {
  it('is the same for the code however it is typed: lower case, spaces, other dashes, no dashes', async () => {
    const stored = await tipsterPublicKeyForCode(code);
    const typings = [code.toLowerCase(), letters, ` ${letters.match(/.{4}/g)!.join(' ')} `, letters.match(/.{4}/g)!.join('\u2014'), letters.match(/.{5}/g)!.join('-').toLowerCase()];
    for (const typed of typings) expect(await tipsterPublicKeyForCode(typed), typed).toBe(stored);
  });

  it('differs for every other code, even one letter off', async () => {
    const last = letters.at(-1)!;
    const oneOff = letters.slice(0, -1) + (last === '2' ? '3' : '2');
    const keys = new Set(await Promise.all([code, oneOff, generateReceiptCode(), generateReceiptCode()].map(tipsterPublicKeyForCode)));
    expect(keys.size).toBe(4);
  });

  it('follows the documented recipe: HKDF-SHA-256 with the fixed salt and info, clamped, X25519 (recomputed with node:crypto)', async () => {
    const seed = new Uint8Array(hkdfSync('sha256', normalizeReceiptCode(code)!, tipsterKeySalt, tipsterKeyInfo, 32));
    const expectedPrivate = createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: toBase64Url(seed), x: '' }, format: 'jwk' });
    const expectedPublic = createPublicKey(expectedPrivate).export({ format: 'jwk' }).x;
    const privateKey = await tipsterPrivateKeyFromCode(code);
    expect(await tipsterPublicKeyForCode(code)).toBe(expectedPublic);
    expect(privateKey[0]! & 7).toBe(0);
    expect(privateKey[31]! & 0xc0).toBe(0x40);
    expect(privateKey.byteLength).toBe(32);
  });

  it('is refused for text that is not a receipt code', async () => {
    await expect(tipsterKeysFromCode('7KQ2-MXH9')).rejects.toThrow(NotAReceiptCodeError);
    await expect(tipsterKeysFromCode(letters.slice(0, -1) + 'O')).rejects.toThrow(NotAReceiptCodeError);
  });
});

describe('staff messages sealed for the tipster', () => {
  const tipId = crypto.randomUUID();

  it('open with the code (as typed) to the exact text and time', async () => {
    const sentAt = new Date('2026-12-03T07:41:09.123Z');
    const sealed = await sealForTipster(await tipsterPublicKeyForCode(code), tipId, 0, question, sentAt);
    expect(await openAsTipster(code.toLowerCase().replace(/-/g, ' '), tipId, 0, sealed)).toEqual({ text: question, sentAt: sentAt.toISOString() });
  });

  it('do not open with a wrong code', async () => {
    const sealed = await sealForTipster(await tipsterPublicKeyForCode(code), tipId, 0, question);
    await expect(openAsTipster(generateReceiptCode(), tipId, 0, sealed)).rejects.toThrow(SealingKeyError);
  });

  it('do not open when moved to another tip or another position, or swapped with each other', async () => {
    const publicKey = await tipsterPublicKeyForCode(code);
    const keys = await tipsterKeysFromCode(code);
    const first = await sealForTipster(publicKey, tipId, 0, 'first question');
    const second = await sealForTipster(publicKey, tipId, 1, 'second question');
    await expect(openWithTipsterKeys(keys, crypto.randomUUID(), 0, first)).rejects.toThrow(/moved from another tip or place/);
    await expect(openWithTipsterKeys(keys, tipId, 2, first)).rejects.toThrow(SealingKeyError);
    await expect(openWithTipsterKeys(keys, tipId, 0, second)).rejects.toThrow(SealingKeyError);
    await expect(openWithTipsterKeys(keys, tipId, 1, first)).rejects.toThrow(SealingKeyError);
    expect((await openWithTipsterKeys(keys, tipId, 1, second)).text).toBe('second question');
  });

  it('do not open once a single character of the stored value changed', async () => {
    const sealed = await sealForTipster(await tipsterPublicKeyForCode(code), tipId, 0, question);
    const at = sealed.length - 10;
    const changed = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
    await expect(openAsTipster(code, tipId, 0, changed)).rejects.toThrow(SealingKeyError);
    await expect(openAsTipster(code, tipId, 0, 'plain text')).rejects.toThrow(/not a sealed staff message/);
  });

  it('refuse a place that could confuse the seal', async () => {
    const publicKey = await tipsterPublicKeyForCode(code);
    await expect(sealForTipster(publicKey, `${tipId}|position:0`, 1, question)).rejects.toThrow(RangeError);
    await expect(sealForTipster(publicKey, tipId, -1, question)).rejects.toThrow(RangeError);
    await expect(sealForTipster(publicKey, tipId, 1.5, question)).rejects.toThrow(RangeError);
  });
});

describe('tipster messages sealed to the reviewers like a tip', () => {
  const tipId = crypto.randomUUID();
  const body = { text: '排放口在桥下第二根管道。', sentAt: '2026-12-03T07:41:09.123Z', files: [{ name: '照片.jpg', contentType: 'image/jpeg', byteLength: 4, sha256: 'ab' }] };
  const photo = new TextEncoder().encode('JPEG');

  it('open with any reviewer key, with their files, and not with a stranger key', async () => {
    const [wang, li, stranger] = [await reviewer('wang'), await reviewer('li'), await reviewer('stranger')];
    const sealed = await sealTipsterMessage([wang.listed, li.listed], tipId, 3, body, [photo]);
    for (const key of [wang.opening, li.opening]) {
      const opened = await openTipsterMessage([key], tipId, 3, sealed.body);
      expect(opened.body).toEqual(body);
      expect(await openTipsterMessageFile([key], opened, tipId, 3, 0, sealed.files[0]!)).toEqual(photo);
    }
    await expect(openTipsterMessage([stranger.opening], tipId, 3, sealed.body)).rejects.toThrow(/none of them is loaded/);
  });

  it('do not open as another tip, another position, or as the tip itself; a file does not open as another message file', async () => {
    const wang = await reviewer('wang');
    const sealed = await sealTipsterMessage([wang.listed], tipId, 3, body, [photo]);
    await expect(openTipsterMessage([wang.opening], crypto.randomUUID(), 3, sealed.body)).rejects.toThrow(SealingKeyError);
    await expect(openTipsterMessage([wang.opening], tipId, 2, sealed.body)).rejects.toThrow(SealingKeyError);
    await expect(openTipContent([wang.opening], tipId, sealed.body)).rejects.toThrow(SealingKeyError);
    const other = await sealTipsterMessage([wang.listed], tipId, 4, body, [photo]);
    const opened = await openTipsterMessage([wang.opening], tipId, 4, other.body);
    await expect(openTipsterMessageFile([wang.opening], opened, tipId, 4, 0, sealed.files[0]!)).rejects.toThrow(SealingKeyError);
    await expect(openTipsterMessageFile([wang.opening], opened, tipId, 4, 1, other.files[0]!)).rejects.toThrow(SealingKeyError);
  });

  it('can be resealed to a new set of reviewers with the tool that reseals tips', async () => {
    const [wang, li] = [await reviewer('wang'), await reviewer('li')];
    const sealed = await sealTipsterMessage([wang.listed], tipId, 0, body, [photo]);
    const resealed = await resealTipContent([wang.opening], messageSealId(tipId, 0), sealed.body, [li.listed]);
    expect((await openTipsterMessage([li.opening], tipId, 0, resealed)).body).toEqual(body);
  });

  it('refuse files that the body does not describe', async () => {
    const wang = await reviewer('wang');
    await expect(sealTipsterMessage([wang.listed], tipId, 0, body, [])).rejects.toThrow(/describes 1 files but 0/);
  });
});

describe('what the database holds', () => {
  it('reveals no text of either side: the public key and the sealed values hold no readable word, and equal texts seal differently', async () => {
    const tipId = crypto.randomUUID();
    const wang = await reviewer('wang');
    const answer = 'the outlet is under the second bridge';
    const publicKey = await tipsterPublicKeyForCode(code);
    const staffRows = [await sealForTipster(publicKey, tipId, 0, question), await sealForTipster(publicKey, tipId, 0, question)];
    const tipsterRow = (await sealTipsterMessage([wang.listed], tipId, 1, { text: answer, sentAt: new Date().toISOString() })).body;
    expect(staffRows[0]).not.toBe(staffRows[1]);
    const stored = [publicKey, ...staffRows, tipsterRow].join('\n');
    const encodings = (text: string) => [text, toBase64Url(new TextEncoder().encode(text)), Buffer.from(text).toString('hex'), Buffer.from(text).toString('base64')];
    for (const secret of [question, answer, 'outlet', '污水', code, letters]) {
      for (const form of encodings(secret)) expect(stored.includes(form), `${secret} as ${form}`).toBe(false);
    }
    for (const row of [...staffRows, tipsterRow]) {
      const decoded = new TextDecoder().decode(fromBase64Url(row.slice(row.indexOf(':') + 1)));
      expect(decoded).not.toContain('outlet');
      expect(decoded).not.toContain('污水');
      expect(decoded).not.toContain('sentAt');
    }
  });
});

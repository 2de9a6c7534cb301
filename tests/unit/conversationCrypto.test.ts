import { createPrivateKey, createPublicKey, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../src/lib/crypto/base64url';
import { generateReviewerKey, importKeyFile, importReviewerPublicKey, SealingKeyError } from '../../src/lib/crypto/reviewerKeys';
import { openTipContent, resealTipContent } from '../../src/lib/crypto/tipEnvelope';
import { generateReceiptCode, normalizeReceiptCode } from '../../src/lib/tips/receiptCode';
import { openAsTipster, openWithTipsterKeys, sealForTipster } from '../../src/lib/conversation/forTipster';
import { sealMessage } from '../../src/lib/conversation/sealMessage';
import {
  NotAReceiptCodeError,
  tipsterKeyInfo,
  tipsterKeysFromCode,
  tipsterKeySalt,
  tipsterPrivateKeyFromCode,
  tipsterPublicKeyForCode,
} from '../../src/lib/conversation/tipsterKeys';
import { openAsReviewer, openFileAsReviewer, reviewerSealId, sealForReviewers } from '../../src/lib/conversation/forReviewers';

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
    const typings = [
      code.toLowerCase(),
      letters,
      ` ${letters.match(/.{4}/g)!.join(' ')} `,
      letters.match(/.{4}/g)!.join('\u2014'),
      letters.match(/.{5}/g)!.join('-').toLowerCase(),
    ];
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
    await expect(tipsterKeysFromCode(`${letters.slice(0, -1)}O`)).rejects.toThrow(NotAReceiptCodeError);
  });
});

describe("the tipster's copy of each message", () => {
  const tipId = crypto.randomUUID();

  it('open with the code (as typed) to the exact text and time', async () => {
    const sentAt = new Date('2026-12-03T07:41:09.123Z');
    const sealed = await sealForTipster(await tipsterPublicKeyForCode(code), tipId, 0, question, { sentAt });
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
    await expect(openWithTipsterKeys(keys, crypto.randomUUID(), 0, first)).rejects.toThrow(/moved from another tip, place or author/);
    await expect(openWithTipsterKeys(keys, tipId, 2, first)).rejects.toThrow(SealingKeyError);
    await expect(openWithTipsterKeys(keys, tipId, 0, second)).rejects.toThrow(SealingKeyError);
    await expect(openWithTipsterKeys(keys, tipId, 1, first)).rejects.toThrow(SealingKeyError);
    expect((await openWithTipsterKeys(keys, tipId, 1, second)).text).toBe('second question');
  });

  it("do not open when a staff question is relabelled as the tipster's answer, or the other way round", async () => {
    const publicKey = await tipsterPublicKeyForCode(code);
    const keys = await tipsterKeysFromCode(code);
    const asked = await sealForTipster(publicKey, tipId, 0, question);
    const answered = await sealForTipster(publicKey, tipId, 1, 'my answer', { author: 'tipster' });
    await expect(openWithTipsterKeys(keys, tipId, 0, asked, 'tipster')).rejects.toThrow(SealingKeyError);
    await expect(openWithTipsterKeys(keys, tipId, 1, answered, 'staff')).rejects.toThrow(SealingKeyError);
    expect((await openWithTipsterKeys(keys, tipId, 1, answered, 'tipster')).text).toBe('my answer');
  });

  it('do not open once a single character of the stored value changed', async () => {
    const sealed = await sealForTipster(await tipsterPublicKeyForCode(code), tipId, 0, question);
    const at = sealed.length - 10;
    const changed = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
    await expect(openAsTipster(code, tipId, 0, changed)).rejects.toThrow(SealingKeyError);
    await expect(openAsTipster(code, tipId, 0, 'plain text')).rejects.toThrow(/not sealed for the tipster/);
  });

  it('refuse a place that could confuse the seal', async () => {
    const publicKey = await tipsterPublicKeyForCode(code);
    await expect(sealForTipster(publicKey, `${tipId}|position:0`, 1, question)).rejects.toThrow(RangeError);
    await expect(sealForTipster(publicKey, tipId, -1, question)).rejects.toThrow(RangeError);
    await expect(sealForTipster(publicKey, tipId, 1.5, question)).rejects.toThrow(RangeError);
  });
});

describe("the reviewers' copy, sealed like a tip", () => {
  const tipId = crypto.randomUUID();
  const body = { text: '排放口在桥下第二根管道。', sentAt: '2026-12-03T07:41:09.123Z', files: [{ name: '照片.jpg', contentType: 'image/jpeg', byteLength: 4, sha256: 'ab' }] };
  const photo = new TextEncoder().encode('JPEG');

  it('open with any reviewer key, with their files, and not with a stranger key', async () => {
    const [wang, li, stranger] = [await reviewer('wang'), await reviewer('li'), await reviewer('stranger')];
    const sealed = await sealForReviewers([wang.listed, li.listed], tipId, 3, 'tipster', body, [photo]);
    for (const key of [wang.opening, li.opening]) {
      const opened = await openAsReviewer([key], tipId, 3, 'tipster', sealed.body);
      expect(opened.body).toEqual(body);
      expect(await openFileAsReviewer([key], opened, tipId, 3, 'tipster', 0, sealed.files[0]!)).toEqual(photo);
    }
    await expect(openAsReviewer([stranger.opening], tipId, 3, 'tipster', sealed.body)).rejects.toThrow(/none of them is loaded/);
  });

  it('do not open as another tip, another position, or as the tip itself; a file does not open as another message file', async () => {
    const wang = await reviewer('wang');
    const sealed = await sealForReviewers([wang.listed], tipId, 3, 'tipster', body, [photo]);
    await expect(openAsReviewer([wang.opening], crypto.randomUUID(), 3, 'tipster', sealed.body)).rejects.toThrow(SealingKeyError);
    await expect(openAsReviewer([wang.opening], tipId, 2, 'tipster', sealed.body)).rejects.toThrow(SealingKeyError);
    await expect(openTipContent([wang.opening], tipId, sealed.body)).rejects.toThrow(SealingKeyError);
    const other = await sealForReviewers([wang.listed], tipId, 4, 'tipster', body, [photo]);
    const opened = await openAsReviewer([wang.opening], tipId, 4, 'tipster', other.body);
    await expect(openFileAsReviewer([wang.opening], opened, tipId, 4, 'tipster', 0, sealed.files[0]!)).rejects.toThrow(SealingKeyError);
    await expect(openFileAsReviewer([wang.opening], opened, tipId, 4, 'tipster', 1, other.files[0]!)).rejects.toThrow(SealingKeyError);
  });

  it('can be resealed to a new set of reviewers with the tool that reseals tips', async () => {
    const [wang, li] = [await reviewer('wang'), await reviewer('li')];
    const sealed = await sealForReviewers([wang.listed], tipId, 0, 'tipster', body, [photo]);
    const resealed = await resealTipContent([wang.opening], reviewerSealId(tipId, 0, 'tipster'), sealed.body, [li.listed]);
    expect((await openAsReviewer([li.opening], tipId, 0, 'tipster', resealed)).body).toEqual(body);
  });

  it("do not open as the other side's message at the same place", async () => {
    const wang = await reviewer('wang');
    const sealed = await sealForReviewers([wang.listed], tipId, 0, 'staff', { text: question, sentAt: new Date().toISOString() });
    await expect(openAsReviewer([wang.opening], tipId, 0, 'tipster', sealed.body)).rejects.toThrow(SealingKeyError);
    expect((await openAsReviewer([wang.opening], tipId, 0, 'staff', sealed.body)).body.text).toBe(question);
  });

  it('refuse files that the body does not describe', async () => {
    const wang = await reviewer('wang');
    await expect(sealForReviewers([wang.listed], tipId, 0, 'tipster', body, [])).rejects.toThrow(/describes 1 files but 0/);
  });
});

describe('a new message sealed for both sides', () => {
  it('gives the tipster (with the code) and any reviewer the same text, time and file list, and keeps only the hour and the file count in clear', async () => {
    const tipId = crypto.randomUUID();
    const wang = await reviewer('wang');
    const sentAt = new Date('2026-12-03T07:41:09.123Z');
    const described = { name: '照片.jpg', contentType: 'image/jpeg', byteLength: 4, sha256: 'ab' };
    const photo = new TextEncoder().encode('JPEG');
    const sealed = await sealMessage({
      reviewers: [wang.listed],
      tipsterPublicKey: await tipsterPublicKeyForCode(code),
      tipId,
      position: 1,
      author: 'tipster',
      text: 'answer',
      sentAt,
      files: [{ described, bytes: photo }],
    });
    const expected = { text: 'answer', sentAt: sentAt.toISOString(), files: [described] };
    expect(await openAsTipster(code, tipId, 1, sealed.forTipster, 'tipster')).toEqual(expected);
    const opened = await openAsReviewer([wang.opening], tipId, 1, 'tipster', sealed.forReviewers);
    expect(opened.body).toEqual(expected);
    expect(await openFileAsReviewer([wang.opening], opened, tipId, 1, 'tipster', 0, sealed.sealedFiles[0]!)).toEqual(photo);
    expect({ sentHour: sealed.sentHour, fileCount: sealed.fileCount, sealedToKeyId: sealed.sealedToKeyId }).toEqual({
      sentHour: '2026-12-03T07:00:00.000Z',
      fileCount: 1,
      sealedToKeyId: wang.listed.keyId,
    });
  });

  it('refuses files on a staff message (staff write plain text)', async () => {
    const wang = await reviewer('wang');
    const file = { described: { name: 'a.txt', contentType: 'text/plain', byteLength: 1, sha256: 'ab' }, bytes: new Uint8Array(1) };
    await expect(
      sealMessage({
        reviewers: [wang.listed],
        tipsterPublicKey: await tipsterPublicKeyForCode(code),
        tipId: crypto.randomUUID(),
        position: 0,
        author: 'staff',
        text: question,
        sentAt: new Date(),
        files: [file],
      }),
    ).rejects.toThrow(/plain text/);
  });
});

describe('what the database holds', () => {
  it('reveals no text of either side: the public key and the sealed values hold no readable word, and equal texts seal differently', async () => {
    const tipId = crypto.randomUUID();
    const wang = await reviewer('wang');
    const answer = 'the outlet is under the second bridge';
    const publicKey = await tipsterPublicKeyForCode(code);
    const staffRows = [await sealForTipster(publicKey, tipId, 0, question), await sealForTipster(publicKey, tipId, 0, question)];
    const answered = await sealMessage({ reviewers: [wang.listed], tipsterPublicKey: publicKey, tipId, position: 1, author: 'tipster', text: answer, sentAt: new Date() });
    const tipsterRows = [answered.forTipster, answered.forReviewers];
    expect(staffRows[0]).not.toBe(staffRows[1]);
    const stored = [publicKey, ...staffRows, ...tipsterRows].join('\n');
    const encodings = (text: string) => [text, toBase64Url(new TextEncoder().encode(text)), Buffer.from(text).toString('hex'), Buffer.from(text).toString('base64')];
    for (const secret of [question, answer, 'outlet', '污水', code, letters]) {
      for (const form of encodings(secret)) expect(stored.includes(form), `${secret} as ${form}`).toBe(false);
    }
    for (const row of [...staffRows, ...tipsterRows]) {
      const decoded = new TextDecoder().decode(fromBase64Url(row.slice(row.indexOf(':') + 1)));
      expect(decoded).not.toContain('outlet');
      expect(decoded).not.toContain('污水');
      expect(decoded).not.toContain('sentAt');
    }
  });
});

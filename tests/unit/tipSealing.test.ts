import { describe, expect, it } from 'vitest';
import { solveChallenge } from 'altcha-lib/v1';
import { handleTipRequest } from '../../src/lib/http/routes/tips';
import { fromBase64Url, toBase64Url } from '../../src/lib/crypto/base64url';
import { generateReviewerKey, importKeyFile, importReviewerPublicKey } from '../../src/lib/crypto/reviewerKeys';
import { openTipContent, openTipFile, resealTipContent, sealedKeyIds, sealTipContent, sealTipFile, startTipSeal } from '../../src/lib/crypto/tipEnvelope';
import version1 from '../fixtures/sealing/version1.json';
import { sqlTipEnvironment, openSealedBytes, openSealedText, testOpeningKey } from './support/sqlTipEnvironment';

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

const fast = 1000; // PBKDF2 rounds for keys made in tests; real key files use 600,000.
const reviewer = async (name: string, passphrase = `${name} passphrase 1234`) => {
  const made = await generateReviewerKey(name, passphrase, fast);
  return { ...made, listed: { name, publicKey: made.publicKey }, opening: await importKeyFile(JSON.stringify(made.file), passphrase) };
};
const publicKeys = (listed: Array<{ name: string; publicKey: string }>) => Promise.all(listed.map((one) => importReviewerPublicKey(one.name, one.publicKey)));

describe('sealing each tip to every active reviewer (HPKE)', () => {
  it('opens to exactly what was sealed with any one reviewer key, and not with a stranger key', async () => {
    const [wang, li, stranger] = [await reviewer('wang'), await reviewer('li'), await reviewer('stranger')];
    const tipId = crypto.randomUUID();
    const seal = await startTipSeal(tipId, await publicKeys([wang.listed, li.listed]));
    const sealed = await sealTipContent(seal, '举报内容 ᠮᠣᠩᠭᠣᠯ');
    const file = await sealTipFile(seal, 0, new TextEncoder().encode('%PDF evidence'));
    expect(sealed).toMatch(/^sealed2:/);
    expect(sealedKeyIds(sealed)).toEqual([wang.keyId, li.keyId]);
    for (const key of [wang.opening, li.opening]) {
      const opened = await openTipContent([key], tipId, sealed);
      expect(opened.text).toBe('举报内容 ᠮᠣᠩᠭᠣᠯ');
      expect(new TextDecoder().decode(await openTipFile([key], opened, tipId, 0, file))).toBe('%PDF evidence');
    }
    await expect(openTipContent([stranger.opening], tipId, sealed)).rejects.toThrow(/none of them is loaded/);
  });

  it('keeps the loaded private key non-extractable', async () => {
    expect(testOpeningKey.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', testOpeningKey.privateKey)).rejects.toThrow();
  });

  it('refuses tampered sealed content or files rather than returning altered text', async () => {
    const wang = await reviewer('wang');
    const tipId = crypto.randomUUID();
    const seal = await startTipSeal(tipId, await publicKeys([wang.listed]));
    const bytes = fromBase64Url((await sealTipContent(seal, '原文')).slice('sealed2:'.length));
    bytes[bytes.length - 1]! ^= 1;
    await expect(openTipContent([wang.opening], tipId, `sealed2:${toBase64Url(bytes)}`)).rejects.toThrow(/changed, damaged or copied/);
    const file = await sealTipFile(seal, 0, new TextEncoder().encode('原件'));
    file[5]! ^= 1;
    const opened = await openTipContent([wang.opening], tipId, await sealTipContent(seal, '原文'));
    await expect(openTipFile([wang.opening], opened, tipId, 0, file)).rejects.toThrow(/changed, damaged or copied/);
  });

  it("refuses a named tip's sealed content pasted into an anonymous tip's row, and files moved between places", async () => {
    const { env, tips, objects } = sqlTipEnvironment();
    const photo = (text: string) => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode(text)])], 'p.jpg', { type: 'image/jpeg' });
    expect((await handleTipRequest(form({ ...tip, metadata: 'keep' }, [photo('one'), photo('two')]), env)).status).toBe(303);
    const { name: _name, phone: _phone, email: _email, ...anonymousTip } = tip;
    expect((await handleTipRequest(form({ ...anonymousTip, identity: 'anonymous', description: `${tip.description}匿名` }), env)).status).toBe(303);
    const [named, anonymous] = tips() as [ReturnType<typeof tips>[number], ReturnType<typeof tips>[number]];
    expect(anonymous.anonymous).toBe(true);
    // What an insider with write access to the database would try: the named tip's content under the anonymous tip's id.
    await expect(openSealedText(named.content, anonymous.id)).rejects.toThrow(/copied from another tip/);
    const files = JSON.parse(await openSealedText(named.content, named.id)).attachments.map((file: { objectKey: string }) => objects.get(file.objectKey)!);
    await expect(openSealedBytes(files[1], named, 0)).rejects.toThrow(/file 1 does not open/);
    expect(new TextDecoder().decode((await openSealedBytes(files[1], named, 1)).slice(4))).toBe('two');
  });

  it('still opens content and files sealed the version-1 way, with the old unprotected key file', async () => {
    const key = await importKeyFile(JSON.stringify(version1.privateKeyFile));
    expect(key.protectedByPassphrase).toBe(false);
    const opened = await openTipContent([key], 'any-old-tip', version1.content);
    expect(JSON.parse(opened.text)).toMatchObject({ description: '旧格式封存的举报内容' });
    expect(new TextDecoder().decode(await openTipFile([key], opened, 'any-old-tip', 0, fromBase64Url(version1.file)))).toBe('%PDF-1.4 old evidence');
    expect(sealedKeyIds(version1.content)).toEqual([version1.privateKeyFile.keyId]);
  });

  it('re-seals a version-1 tip into bound version 2 for the current reviewers, its files still opening with the old key', async () => {
    const oldKey = await importKeyFile(JSON.stringify(version1.privateKeyFile));
    const wang = await reviewer('wang');
    const tipId = crypto.randomUUID();
    const resealed = await resealTipContent([oldKey], tipId, version1.content, await publicKeys([wang.listed]));
    expect(resealed).toMatch(/^sealed2:/);
    expect(sealedKeyIds(resealed)).toEqual([wang.keyId]);
    const opened = await openTipContent([wang.opening], tipId, resealed);
    expect(JSON.parse(opened.text)).toMatchObject({ description: '旧格式封存的举报内容' });
    await expect(openTipContent([wang.opening], crypto.randomUUID(), resealed)).rejects.toThrow(/copied from another tip/);
    expect(new TextDecoder().decode(await openTipFile([wang.opening, oldKey], opened, tipId, 0, fromBase64Url(version1.file)))).toBe('%PDF-1.4 old evidence');
  });

  it('does not seal new tips to a removed reviewer, and a re-seal takes old tips from them too', async () => {
    const [wang, li] = [await reviewer('wang'), await reviewer('li')];
    const before = sqlTipEnvironment({ reviewerKeys: [wang.listed, li.listed] });
    await handleTipRequest(
      form({ ...tip, metadata: 'keep' }, [new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], 'a.pdf', { type: 'application/pdf' })]),
      before.env,
    );
    const after = sqlTipEnvironment({ reviewerKeys: [wang.listed] });
    await handleTipRequest(form(tip), after.env);
    const [oldTip, newTip] = [before.tips()[0]!, after.tips()[0]!];
    expect(newTip.sealedToKeyId).toBe(wang.keyId);
    await expect(openTipContent([li.opening], newTip.id, newTip.content)).rejects.toThrow(/none of them is loaded/);
    expect((await openTipContent([wang.opening], newTip.id, newTip.content)).text).toContain(tip.description);

    const resealed = await resealTipContent([wang.opening], oldTip.id, oldTip.content, await publicKeys([wang.listed]));
    await expect(openTipContent([li.opening], oldTip.id, resealed)).rejects.toThrow(/none of them is loaded/);
    const opened = await openTipContent([wang.opening], oldTip.id, resealed);
    const file = before.objects.get(JSON.parse(opened.text).attachments[0].objectKey)!;
    // The files keep their content key, so they open from the re-sealed content without a rewrite.
    expect(await openTipFile([wang.opening], opened, oldTip.id, 0, file as Uint8Array<ArrayBuffer>)).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]));
  });

  it('protects key files with a passphrase and explains what is wrong with a file', async () => {
    const wang = await reviewer('wang', 'correct horse battery');
    expect(JSON.stringify(wang.file)).not.toMatch(/"d"/);
    await expect(importKeyFile(JSON.stringify(wang.file), 'wrong horse battery')).rejects.toThrow(/passphrase does not open key file/);
    await expect(importKeyFile(JSON.stringify({ ...wang.file, publicKey: (await reviewer('li')).publicKey }), 'correct horse battery')).rejects.toThrow(/key id does not match/);
    await expect(generateReviewerKey('short', 'too short')).rejects.toThrow(/shorter than 12 characters/);
    await expect(importKeyFile('not json')).rejects.toThrow(/not a key file/);
    await expect(importKeyFile('{"a":1}')).rejects.toThrow(/not a tip key file/);
  });

  it('stores a submitted tip with content, contact and file unreadable, and they open to exactly what was sent', async () => {
    const { env, rows, objects } = sqlTipEnvironment();
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('JFIF photo of the pipe 排污口')]);
    // "keep": the sealed file must open to exactly the bytes sent.
    const response = await handleTipRequest(form({ ...tip, metadata: 'keep' }, [new File([photo], '排污口照片.jpg', { type: 'image/jpeg' })]), env);
    expect(response.status).toBe(303);
    const stored = rows('SELECT * FROM tips')[0]!;
    const tables = rows("SELECT name FROM sqlite_master WHERE type = 'table'").map((table) => rows(`SELECT * FROM ${table.name}`));
    const everythingStored = JSON.stringify(tables) + [...objects.values()].map((bytes) => new TextDecoder('latin1').decode(bytes)).join('');
    for (const secret of ['河道', '王五', '13912345678', 'wang@example.com', '排污口', 'JFIF', 'image/jpeg']) expect(everythingStored).not.toContain(secret);
    expect(stored).toMatchObject({ category: 'ecology', region: 'horqin', sealed_to_key_id: testOpeningKey.keyId });

    const content = JSON.parse(await openSealedText(stored.content, stored.id));
    expect(content).toMatchObject({ description: tip.description, place: tip.place, contact: { name: '王五', phone: '13912345678', email: 'wang@example.com' } });
    expect(content.attachments[0]).toMatchObject({ name: '排污口照片.jpg', contentType: 'image/jpeg', byteLength: photo.byteLength });
    expect(await openSealedBytes(objects.get(content.attachments[0].objectKey)!, stored as { id: string; content: string }, 0)).toEqual(photo);
  });
});

describe('proof of work that shuts no one out', () => {
  it('marks a tip with a solved challenge "pow"', async () => {
    const { env, tips } = sqlTipEnvironment();
    const challenge = await (await handleTipRequest(new Request(`${base}/challenge`), env)).json();
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    const payload = btoa(JSON.stringify({ ...challenge, number: solution!.number }));
    expect((await handleTipRequest(form({ ...tip, altcha: payload }), env)).status).toBe(303);
    expect(tips()[0]!.abuseCheck).toBe('pow');
  });

  it('accepts a tip sent without script and marks it for review', async () => {
    const { env, tips } = sqlTipEnvironment();
    expect((await handleTipRequest(form(tip), env)).status).toBe(303);
    expect(tips()[0]!.abuseCheck).toBe('none');
  });

  it('accepts but marks "failed" a forged, wrong or expired solution', async () => {
    const { env, tips } = sqlTipEnvironment();
    const challenge = await (await handleTipRequest(new Request(`${base}/challenge`), env)).json();
    const wrong = btoa(JSON.stringify({ ...challenge, number: -1 }));
    await handleTipRequest(form({ ...tip, description: `${tip.description}一`, altcha: wrong }), env);
    await handleTipRequest(form({ ...tip, description: `${tip.description}二`, altcha: 'garbage!!' }), env);
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    const later = { ...env, now: () => new Date(Date.now() + 31 * 60 * 1000) };
    await handleTipRequest(form({ ...tip, description: `${tip.description}三`, altcha: btoa(JSON.stringify({ ...challenge, number: solution!.number })) }), later);
    expect(tips().map((stored) => stored.abuseCheck)).toEqual(['failed', 'failed', 'failed']);
  });
});

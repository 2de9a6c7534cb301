import { generateReviewerKey, importKeyFile } from '../../../src/lib/crypto/reviewerKeys';
import { openTipContent, openTipFile } from '../../../src/lib/crypto/tipEnvelope';

/** A reviewer key made for this test run only (few PBKDF2 rounds, for speed): tips are sealed to it, tests open them with it. */
export const testPassphrase = 'test passphrase, not a secret';
const testKeys = await generateReviewerKey('test reviewer', testPassphrase, 1000);
export const testReviewerKeys = [{ name: 'test reviewer', publicKey: testKeys.publicKey }];
export const testPrivateKeyFile = JSON.stringify(testKeys.file);
export const testOpeningKey = await importKeyFile(testPrivateKeyFile, testPassphrase);

/** Opens what a test tip stored, as staff would in their browser: the content of tip `tipId`. */
export const openSealedText = async (sealed: string, tipId: string) => (await openTipContent([testOpeningKey], tipId, sealed)).text;
/** File `index` of a tip, given the tip's id and sealed content (which holds the key its files open with). */
export const openSealedBytes = async (sealed: Uint8Array, tip: { id: string; content: string }, index: number) =>
  openTipFile([testOpeningKey], await openTipContent([testOpeningKey], tip.id, tip.content), tip.id, index, sealed as Uint8Array<ArrayBuffer>);

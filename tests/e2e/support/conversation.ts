import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { importReviewerPublicKey } from '../../../src/lib/crypto/reviewerKeys';
import { sealMessage } from '../../../src/lib/conversation/sealMessage';
import { ensureTestSecrets } from '../../support/testKeys';
import { photoWithPosition, queryTipsDb, storedTipsContaining, testClient, validTip, writeTipFile } from './tips';

// The conversation's browser tests and screenshots: a tip of its own, and the tipster's answer.
const secrets = ensureTestSecrets();
/** A category and region no other browser test uses, so the staff list filtered by them is short. */
export const conversationCategory = 'cultural-heritage';
export const conversationRegion = 'wuda';

/** Shows the list of this test's tips on the staff page and opens tip `tipId`. */
export async function openTipAsStaff(page: Page, tipId: string, receivedAt: string): Promise<void> {
  await page.getByRole('button', { name: '线索列表' }).click();
  await page.getByLabel('领域').selectOption(conversationCategory);
  await page.getByLabel('地区').selectOption(conversationRegion);
  await page.getByLabel('收到日期从').fill(receivedAt.slice(0, 10));
  await page.getByRole('button', { name: '筛选' }).click();
  await page.getByRole('button', { name: `打开线索 ${tipId.slice(0, 8)}` }).click();
}

/** Sends a tip marked with `tag` and gives what the staff side needs of it. */
export async function submitTip(request: APIRequestContext, tag: string) {
  const submitted = await request.post('/api/tips?lang=zh', {
    data: { ...validTip(`${tag} 河道里有大量工业废水直接排放，已经持续一个月，鱼虾大量死亡。`), category: conversationCategory, region: conversationRegion },
    headers: testClient(),
  });
  expect(submitted.status()).toBe(201);
  const { receiptCode } = (await submitted.json()) as { receiptCode: string };
  const [stored] = await storedTipsContaining(tag);
  const tipId = stored!.row.id!;
  const [conversation] = await queryTipsDb<{ tipster_public_key: string }>(`SELECT tipster_public_key FROM tip_conversations WHERE tip_id = '${tipId}'`);
  return { receiptCode, tipId, receivedAt: stored!.row.received_at!, tipsterPublicKey: conversation!.tipster_public_key };
}

/**
 * The tipster's answer with a photo as the status page stores it: sealed for both sides (the
 * server seals a tipster's message), the photo sealed into R2, the rows written together.
 */
export async function storeTipsterAnswer(tipId: string, tipsterPublicKey: string, position: number, text: string, photo: Buffer = photoWithPosition): Promise<void> {
  const reviewers = [await importReviewerPublicKey('procuratorate', secrets.sealingPublicKey)];
  const bytes = new Uint8Array(photo);
  const sealed = await sealMessage({
    reviewers,
    tipsterPublicKey,
    tipId,
    position,
    author: 'tipster',
    text,
    sentAt: new Date(),
    files: [{ described: { name: 'river\u202Egpj.exe', contentType: 'image/jpeg', byteLength: bytes.byteLength, sha256: '00' }, bytes }],
  });
  const objectKey = `messages/${crypto.randomUUID()}`;
  await writeTipFile(objectKey, sealed.sealedFiles[0]!);
  await queryTipsDb(
    `INSERT INTO tip_messages (tip_id, position, author, sent_hour, for_tipster, for_reviewers, sealed_to_key_id, written_by, file_count)
       VALUES ('${tipId}', ${position}, 'tipster', '${sealed.sentHour}', '${sealed.forTipster}', '${sealed.forReviewers}', '${sealed.sealedToKeyId}', '', 1);
     INSERT INTO tip_message_files (object_key, tip_id, message_position, position, content_type, byte_length, sha256)
       VALUES ('${objectKey}', '${tipId}', ${position}, 0, 'image/jpeg', ${sealed.sealedFiles[0]!.byteLength}, '00');
     UPDATE tip_conversations SET last_tipster_position = ${position} WHERE tip_id = '${tipId}';`,
  );
}

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importKeyFile, type OpeningKey } from '../../../src/lib/crypto/reviewerKeys';
import { openTipContent } from '../../../src/lib/crypto/tipEnvelope';
import { testKeyPassphrase, testPrivateKeyPath } from '../../support/testKeys';
import { testStateDir } from '../../support/testServer';

const run = promisify(execFile);

/** Rows from the local D1 the test server uses, read with wrangler as an operator would. */
export async function queryTipsDb<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const { stdout } = await run('npx', ['wrangler', 'd1', 'execute', 'TIPS_DB', '--local', '--persist-to', testStateDir, '--json', '--command', sql], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(stdout) as Array<{ results: T[] }>).flatMap((part) => part.results);
}

/** The bytes of an evidence file in the local R2 bucket. */
export async function readTipFile(objectKey: string): Promise<Buffer> {
  const { stdout } = await run('npx', ['wrangler', 'r2', 'object', 'get', `procuratorate-tip-files/${objectKey}`, '--local', '--persist-to', testStateDir, '--pipe'], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Writes an object into the local R2 bucket, as the tip function would. */
export async function writeTipFile(objectKey: string, bytes: Uint8Array): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'tip-file-'));
  try {
    await writeFile(join(folder, 'object'), bytes);
    await run('npx', ['wrangler', 'r2', 'object', 'put', `procuratorate-tip-files/${objectKey}`, '--local', '--persist-to', testStateDir, '--file', join(folder, 'object')]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A small JPEG that still carries its GPS position in EXIF. */
const gps = 'GPSLatitude 43.65N GPSLongitude 122.26E';
export const photoWithPosition = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x07]),
  Buffer.from('JFIF\0'),
  Buffer.from([0xff, 0xe1, 0x00, gps.length + 8]),
  Buffer.from(`Exif\0\0${gps}`),
  // A frame header: the tip service cleans only a JPEG it can read whole.
  Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]),
  Buffer.from([0xff, 0xda, 0x00, 0x04, 0x01, 0x02, 0x11, 0x22, 0xff, 0xd9]),
]);

/** A client identity of its own (honoured only by test servers), so tests don't share a rate limit. */
export function testClient(): Record<string, string> {
  return { 'X-Test-Client': crypto.randomUUID() };
}

export async function asOwnClient(page: Page): Promise<void> {
  await page.setExtraHTTPHeaders(testClient());
}

/** Text unique to one test, to find its row among everything the tests store. */
export function marker(): string {
  return `标记${crypto.randomUUID().slice(0, 8)}`;
}

export function validTip(description: string) {
  return {
    category: 'ecology',
    description,
    place: '科尔沁区某嘎查东侧河道',
    region: 'horqin',
    noticedOn: '2025-05-20',
    responsible: '某化工企业',
    identity: 'anonymous',
    consent: 'yes',
  };
}

/** Tips stored in the last hour or two whose sealed content, opened with the test private key, contains `text`. */
export async function storedTipsContaining(text: string): Promise<Array<{ row: Record<string, string>; content: Record<string, unknown> }>> {
  // received_at keeps only the hour.
  const since = new Date(Math.floor((Date.now() - 3_600_000) / 3_600_000) * 3_600_000).toISOString();
  const rows = await queryTipsDb<Record<string, string>>(`SELECT * FROM tips WHERE received_at >= '${since}'`);
  const key = await testOpeningKey();
  const found = [];
  for (const row of rows) {
    const opened = (await openTipContent([key], row.id!, row.content!)).text;
    if (opened.includes(text)) found.push({ row, content: JSON.parse(opened) as Record<string, unknown> });
  }
  return found;
}

let opening: Promise<OpeningKey> | undefined;
export function testOpeningKey(): Promise<OpeningKey> {
  opening ??= importKeyFile(readFileSync(testPrivateKeyPath, 'utf8'), testKeyPassphrase);
  return opening;
}

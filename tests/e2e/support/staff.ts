import { expect, type Page } from '@playwright/test';
import { hashPassword } from '../../../src/lib/staff/password';
import { testKeyPassphrase, testPrivateKeyPath } from '../../support/testKeys';
import { queryTipsDb } from './tips';

// Staff accounts for browser tests: each test makes its own, so per-account login limits never collide.
export const staffPassword = 'a long test-only staff password';

export async function newStaffAccount(): Promise<string> {
  const username = `staff-${crypto.randomUUID().slice(0, 8)}`;
  await queryTipsDb(
    `INSERT INTO staff_accounts (username, password_hash, created_at) VALUES ('${username}', '${await hashPassword(staffPassword)}', '${new Date().toISOString()}')`,
  );
  return username;
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/staff/login/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(staffPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff\/$/);
  await expect(page.locator('[data-actor]')).toHaveText(`当前用户：${username}`);
}

/** Loads the test reviewer key into the staff page (held in the page's memory only). */
export async function loadReviewerKey(page: Page): Promise<void> {
  await page.getByLabel('私钥文件').setInputFiles(testPrivateKeyPath);
  await page.getByLabel('私钥口令').fill(testKeyPassphrase);
  await page.getByRole('button', { name: '加载私钥' }).click();
  await expect(page.locator('[data-key-list]')).toContainText('已加载私钥：e2e-reviewer');
}

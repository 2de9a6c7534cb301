import { handleTipRequest } from '../../../src/lib/tips/handleTipRequest';
import type { StaffEnvironment } from '../../../src/lib/staff/handleStaffRequest';
import { hashPassword } from '../../../src/lib/staff/password';
import { memoryTipEnvironment } from './memoryTipEnvironment';

export const staffPassword = 'correct horse battery staple';
export const origin = 'https://site.example';
// Few iterations keep unit tests fast; the default (100,000) is tested on its own.
export const staffPasswordHash = await hashPassword(staffPassword, 1000);

/** The tip core and the staff core over one in-memory store, with one staff account "reviewer". */
export function staffTestEnvironment(configOverrides: Partial<StaffEnvironment['config']> = {}) {
  const memory = memoryTipEnvironment();
  memory.accounts.set('reviewer', staffPasswordHash);
  let clock = new Date('2026-06-01T08:00:00Z');
  const staffEnv: StaffEnvironment = {
    store: memory.staffStore,
    attachments: memory.env.attachments,
    config: {
      sessionSecret: 'unit-test-session-secret-0123456789abcdef',
      sessionTtlSeconds: 3600,
      passwordLogin: true,
      loginMaxAttempts: 5,
      loginWindowSeconds: 900,
      deadlines: { acknowledgeDays: 7, answerMonths: 3 },
      retentionDays: 30,
      ...configOverrides,
    },
    now: () => clock,
  };
  memory.env.now = () => clock;
  const setClock = (date: Date) => (clock = date);

  async function submitTip(fields: Record<string, string> = {}, files: File[] = []) {
    const data = new FormData();
    const tip = { category: 'ecology', description: '河道里有大量工业废水直接排放，已经持续一个月了。', place: '东侧河道', region: 'horqin', identity: 'anonymous', consent: 'yes', ...fields };
    for (const [name, value] of Object.entries(tip)) data.set(name, value);
    for (const file of files) data.append('files', file);
    const response = await handleTipRequest(new Request(`${origin}/api/tips?lang=zh`, { method: 'POST', body: data, headers: { Accept: 'application/json' } }), memory.env);
    return response;
  }

  return { ...memory, staffEnv, setClock, submitTip };
}

import { handleTipRequest } from '../../../src/lib/http/routes/tips';
import type { StaffEnvironment } from '../../../src/lib/staff/handleStaffRequest';
import { hashPassword } from '../../../src/lib/staff/password';
import { ClientThrottle } from '../../../src/lib/staff/signInThrottle';
import { sqlTipEnvironment } from './sqlTipEnvironment';
import { anonymousTip } from './tipFixtures';

export const staffPassword = 'correct horse battery staple';
export const origin = 'https://site.example';
// Few iterations keep unit tests fast; the default (100,000) is tested on its own.
export const staffPasswordHash = await hashPassword(staffPassword, 1000);

/** The tip core and the staff core over one SQLite database (the D1 driver), with one staff account "reviewer". */
export function staffTestEnvironment(configOverrides: Partial<StaffEnvironment['config']> = {}) {
  const memory = sqlTipEnvironment();
  memory.addAccount('reviewer', staffPasswordHash);
  let clock = new Date('2026-06-01T08:00:00Z');
  const staffEnv: StaffEnvironment = {
    store: memory.staffStore,
    attachments: memory.env.attachments,
    config: {
      sessionSecret: 'unit-test-session-secret-0123456789abcdef',
      sessionTtlSeconds: 3600,
      passwordLogin: true,
      loginFreeAttempts: 3,
      loginMaxDelaySeconds: 60,
      loginClientMaxDelaySeconds: 900,
      loginChecksPerMinute: 1000,
      passwordIterations: 1000,
      deadlines: { acknowledgeDays: 7, answerMonths: 3 },
      retentionDays: 30,
      ...configOverrides,
    },
    clientAddress: '198.51.100.20',
    clientThrottle: new ClientThrottle({ freeAttempts: configOverrides.loginFreeAttempts ?? 3, maxDelaySeconds: configOverrides.loginClientMaxDelaySeconds ?? 900 }),
    now: () => clock,
    conversations: memory.env.conversations,
    reviewerKeys: memory.env.config.reviewerKeys,
  };
  memory.env.now = () => clock;
  const setClock = (date: Date) => (clock = date);

  async function submitTip(fields: Record<string, string> = {}, files: File[] = []) {
    const data = new FormData();
    const tip = { ...anonymousTip, ...fields };
    for (const [name, value] of Object.entries(tip)) data.set(name, value);
    for (const file of files) data.append('files', file);
    const response = await handleTipRequest(new Request(`${origin}/api/tips?lang=zh`, { method: 'POST', body: data, headers: { Accept: 'application/json' } }), memory.env);
    return response;
  }

  return { ...memory, staffEnv, setClock, submitTip };
}

/**
 * Where the browser tests' own server runs: not on 8788, where `npm start` serves a newcomer's
 * site with .dev.vars settings, and over its own local D1 and R2 (not .wrangler/state), so both can
 * run at once and neither sees the other's tips.
 */
export const testPort = Number(process.env.TEST_PORT ?? 8790);
export const testStateDir = '.wrangler/test-state';

import { defineConfig } from '@playwright/test';
import config from './playwright.config';

// `npm run screenshots`: the pictures docs/conversation.md and the closing notes show, taken against
// the same test server as the browser tests. Not part of npm test: it writes into docs/screenshots/.
export default defineConfig({ ...config, testDir: 'tests/screenshots', workers: 1 });

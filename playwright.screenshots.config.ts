import { defineConfig } from '@playwright/test';
import config from './playwright.config';

// `npm run screenshots:conversation`: the pictures docs/conversation.md shows, taken against the
// same test server as the browser tests. Not part of npm test: it writes into docs/screenshots/.
export default defineConfig({ ...config, testDir: 'tests/screenshots', workers: 1 });

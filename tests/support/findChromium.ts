import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

/** Places a Chromium is found, in order: an explicit setting, the system's, then Playwright's own. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = [env.CHROME_PATH, env.CHROMIUM_PATH].filter((path): path is string => Boolean(path));
  let playwrightOwn: string[] = [];
  try {
    playwrightOwn = [chromium.executablePath()];
  } catch {
    // Playwright has no browser of its own here; that is fine when the system has one.
  }
  return [...fromEnv, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', ...playwrightOwn];
}

/**
 * The Chromium the browser tests drive. Stops with one sentence saying how to get one when none
 * is installed, instead of Playwright's long download advice that cannot work offline.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  const found = chromiumCandidates(env).find((path) => exists(path));
  if (!found) {
    throw new Error('No Chromium found for the browser tests: install one with `sudo apt-get install -y chromium` (or set CHROME_PATH to a Chromium or Chrome binary).');
  }
  return found;
}

/** Flags for Chromium as root in a sandbox with no outside network. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

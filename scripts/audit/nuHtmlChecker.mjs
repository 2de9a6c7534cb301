// The Nu Html Checker (vnu, the W3C's validator) over every built page. It runs on Java; CI
// installs Debian's default-jre-headless (.ci/run).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import vnuJar from 'vnu-jar';

/**
 * Every error vnu reports in the HTML files under `directory`, as "path (line N): message".
 * Throws, with the fix, when Java is missing: a checker that cannot run must not pass silently.
 * @param {string} directory
 * @returns {string[]}
 */
export function nuHtmlErrors(directory) {
  const run = spawnSync('java', ['-jar', vnuJar, '--skip-non-html', '--errors-only', '--format', 'json', directory], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`The Nu Html Checker needs Java: install it (Debian: apt-get install -y default-jre-headless). ${run.error.message}`);
  // vnu writes its JSON report to stderr; exit status 1 only means "errors found".
  const report = JSON.parse(run.stderr || '{"messages":[]}');
  return report.messages
    .filter((/** @type {{ type: string }} */ message) => message.type === 'error' || message.type === 'non-document-error')
    .map((/** @type {{ url?: string, lastLine?: number, message: string }} */ message) => {
      const file = message.url ? path.relative(directory, new URL(message.url).pathname) : directory;
      return `/${file.replaceAll(path.sep, '/')} (line ${message.lastLine ?? '?'}): Nu Html Checker: ${message.message}`;
    });
}

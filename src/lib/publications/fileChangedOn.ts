import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

/**
 * When a content file last changed: its last commit, or the file's own time when it has changes
 * not committed yet (a press officer's checkout) or git is not there (a copy without history).
 */
export function fileChangedOn(filePath: string): Date {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (git('status', '--porcelain', '--', filePath) === '') {
      const committed = git('log', '-1', '--format=%cI', '--', filePath);
      if (committed) return new Date(committed);
    }
  } catch {
    // Not a git checkout: fall through to the file's time.
  }
  return statSync(filePath).mtime;
}

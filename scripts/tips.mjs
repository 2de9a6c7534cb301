// `npm run tips -- open|reseal …` (see src/node/tipsTool.ts): bundles the tool into
// dist-node/tips.mjs, a single file an offline staff machine can run with Node alone, then runs it.
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/build-node-server.mjs', '--only', 'tips'], { stdio: 'inherit' });
try {
  execFileSync(process.execPath, ['--no-warnings=ExperimentalWarning', 'dist-node/tips.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
} catch (error) {
  process.exit(error.status ?? 1);
}

// Entry of dist-node/tips.mjs (`npm run tips`): see tipsTool.ts.
import { runTipsTool } from './tipsTool';

process.exitCode = await runTipsTool(process.argv.slice(2));

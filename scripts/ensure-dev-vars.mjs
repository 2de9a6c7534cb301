// `npm start` needs the tip function's settings in .dev.vars (git-ignored). On a fresh checkout,
// write it from .dev.vars.example with a freshly generated salt; never overwrite an existing one.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

if (!existsSync('.dev.vars')) {
  const example = readFileSync('.dev.vars.example', 'utf8');
  writeFileSync('.dev.vars', example.replace('replace-with-a-long-random-secret', randomBytes(32).toString('base64url')));
  console.log('Wrote .dev.vars from .dev.vars.example with a new random RATE_LIMIT_SALT.');
}

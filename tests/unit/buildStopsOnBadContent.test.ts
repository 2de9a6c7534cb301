import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

// The whole chain press staff meet: `astro build` with a publication that has a mistake must stop,
// and its output must name the file and the field and say what to write.
describe('a build with a mistaken publication', () => {
  it('stops, naming the file, the field and the fix', () => {
    const build = spawnSync('npx', ['astro', 'build', '--root', 'tests/fixtures/broken-site'], { encoding: 'utf8', timeout: 120_000 });
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.status, output).not.toBe(0);
    expect(output).toContain('This publication cannot be published until it is corrected');
    expect(output).toContain('src/content/cases/zh/unknown-region.mdx: field "region": "xyz" is not a known region; use one of: tongliao, horqin');
  }, 120_000);
});

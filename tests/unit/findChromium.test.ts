import { describe, expect, it } from 'vitest';
import { findChromium } from '../../tests/support/findChromium';

describe('findChromium', () => {
  it('prefers CHROME_PATH, then the system Chromium', () => {
    expect(findChromium({ CHROME_PATH: '/opt/chrome/chrome' }, () => true)).toBe('/opt/chrome/chrome');
    expect(findChromium({}, (path) => path === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });

  it('stops with one sentence on how to install one when there is none', () => {
    expect(() => findChromium({}, () => false)).toThrow(/^No Chromium found.*apt-get install -y chromium.*\.$/);
  });
});

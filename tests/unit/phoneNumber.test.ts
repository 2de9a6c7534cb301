import { describe, expect, it } from 'vitest';
import { displayPhoneNumber, telHref } from '../../src/lib/phoneNumber';

describe('phone numbers', () => {
  it('never break at a hyphen on screen', () => {
    expect(displayPhoneNumber('0475-8231-234')).toBe('0475\u20118231\u2011234');
  });
  it('dial digits only', () => {
    expect(telHref('0475-123 09')).toBe('tel:047512309');
    expect(telHref('+86 475 1234')).toBe('tel:+864751234');
  });
});

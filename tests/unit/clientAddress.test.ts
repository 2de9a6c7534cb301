import { describe, expect, it } from 'vitest';
import { clientAddressOf, parseProxyCidrs, rateLimitSubject } from '../../src/lib/http/clientAddress';

const behindProxy = { header: 'x-forwarded-for', trustedProxies: parseProxyCidrs('10.0.0.0/8, fd00::/8') };

describe('the client address on Node', () => {
  it('believes the address header only from a configured proxy (a client cannot name another address)', () => {
    // Straight from the internet: whatever X-Forwarded-For says, the socket is the client.
    expect(clientAddressOf('198.51.100.7', '203.0.113.9', behindProxy)).toBe('198.51.100.7');
    // Through our load balancer: its entry is believed.
    expect(clientAddressOf('10.0.0.5', '203.0.113.9', behindProxy)).toBe('203.0.113.9');
  });

  it('reads X-Forwarded-For from the right, skipping our own proxies, so what the client wrote before is ignored', () => {
    expect(clientAddressOf('10.0.0.5', '1.2.3.4, 203.0.113.9, 10.0.0.9', behindProxy)).toBe('203.0.113.9');
    expect(clientAddressOf('10.0.0.5', 'not-an-address, 203.0.113.9', behindProxy)).toBe('203.0.113.9');
  });

  it("is the socket's when no header is configured", () => {
    expect(clientAddressOf('10.0.0.5', '203.0.113.9', { trustedProxies: [] })).toBe('10.0.0.5');
    expect(clientAddressOf('::ffff:10.0.0.5', undefined, behindProxy)).toBe('::ffff:10.0.0.5');
  });

  it('counts IPv4 as the address and IPv6 as its /64, in one spelling whatever way it was written', () => {
    expect(rateLimitSubject('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(rateLimitSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitSubject('2001:0DB8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(rateLimitSubject('unknown')).toBeUndefined();
  });

  it('names a proxy list it cannot read', () => {
    expect(() => parseProxyCidrs('10.0.0.0/8, bogus')).toThrow(/"bogus" is not an address or CIDR/);
  });
});

import ipaddr from 'ipaddr.js';

/**
 * Where a self-hosted request came from, for rate limiting only (never stored). The address
 * header a load balancer sets (X-Forwarded-For, X-Real-IP) is believed only when the connection
 * itself comes from one of the configured proxies; otherwise anyone could name any address and
 * take another tipster's place in the limit, or a fresh one for every request.
 */
export interface ClientAddressPolicy {
  /** The header the proxies set, lower or any case; undefined: the socket's address is the client. */
  header?: string;
  /** CIDRs of the proxies allowed to set it (TRUSTED_PROXY_CIDRS). */
  trustedProxies: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

/** Parses TRUSTED_PROXY_CIDRS ("10.0.0.0/8, 192.168.1.7, fd00::/8"); a bare address is its own /32 or /128. */
export function parseProxyCidrs(text: string | undefined): Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      try {
        if (part.includes('/')) return ipaddr.parseCIDR(part);
        const address = ipaddr.process(part);
        return [address, address.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
      } catch {
        throw new Error(`TRUSTED_PROXY_CIDRS: "${part}" is not an address or CIDR (e.g. 10.0.0.0/8 or fd00::/8).`);
      }
    });
}

/**
 * The key one client is counted under: an IPv4 address as it is (IPv4-mapped IPv6 read as IPv4),
 * an IPv6 address as its /64, since one subscriber usually holds a whole /64 and could otherwise
 * change address for every request. Undefined for text that is no address.
 * @example rateLimitSubject('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function rateLimitSubject(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

function isTrusted(address: string, policy: ClientAddressPolicy): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return policy.trustedProxies.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

/**
 * The client's address: the socket's, unless that is a trusted proxy, in which case the header's
 * entries are read from the right (each hop appends) and the first that is not a trusted proxy
 * is the client. An entry that is no address ends the walk at the last trusted hop.
 */
export function clientAddressOf(socketAddress: string | undefined, headerValue: string | undefined, policy: ClientAddressPolicy): string | undefined {
  let client = socketAddress;
  if (!policy.header || !client || !isTrusted(client, policy) || !headerValue) return client && rateLimitSubject(client) ? client : undefined;
  const hops = headerValue
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (const hop of hops.reverse()) {
    if (!ipaddr.isValid(hop)) break;
    client = hop;
    if (!isTrusted(hop, policy)) break;
  }
  return client;
}

/** Headers that show a request came through a proxy. */
export const proxyHeaders = ['x-forwarded-for', 'x-real-ip', 'forwarded'];

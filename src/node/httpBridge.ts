import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/**
 * Node's request as a Web-standard Request, which is all the tip core speaks. The origin is the
 * configured public one (so cookies get "Secure" behind a TLS-terminating load balancer), else
 * http:// and the Host header.
 */
export function toWebRequest(incoming: IncomingMessage, publicOrigin: string | undefined): Request {
  const origin = publicOrigin ?? `http://${incoming.headers.host ?? 'localhost'}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    // Required by Node for a streamed request body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/** Sends a Web Response through Node's response (several Set-Cookie headers stay separate). */
export async function sendWebResponse(response: Response, outgoing: ServerResponse, headOnly = false): Promise<void> {
  outgoing.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    outgoing.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing.setHeader('Set-Cookie', cookies);
  const body = headOnly || !response.body ? undefined : Buffer.from(await response.arrayBuffer());
  if (body) outgoing.setHeader('Content-Length', body.byteLength);
  await new Promise<void>((done) => outgoing.end(body, done));
}

/**
 * The client's address: the socket's, or, behind a load balancer, the header it sets. For
 * X-Forwarded-For the last entry is the one our own proxy added (earlier ones the client can forge).
 */
export function clientAddressOf(incoming: IncomingMessage, addressHeader: string | undefined): string {
  if (addressHeader) {
    const value = incoming.headers[addressHeader.toLowerCase()];
    const text = Array.isArray(value) ? value.join(',') : value;
    const last = text?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
    if (last) return last;
  }
  return incoming.socket.remoteAddress ?? 'unknown';
}

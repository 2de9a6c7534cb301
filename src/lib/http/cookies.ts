import { parse, serialize } from 'hono/utils/cookie';

/**
 * Every cookie the site reads or writes goes through here (Hono's cookie parser and serializer),
 * so none is built by hand. A cookie for the whole site (Path=/) sent over TLS gets the `__Host-`
 * prefix: the browser then refuses it from any other host or without Secure.
 */
export interface CookieOptions {
  path: string;
  maxAgeSeconds: number;
  /** Behind TLS: adds Secure (and, for Path=/, the __Host- prefix). */
  secure: boolean;
}

/** The cookie's name as sent: `__Host-name` where the options allow the prefix. */
export function cookieName(name: string, options: Pick<CookieOptions, 'path' | 'secure'>): string {
  return options.secure && options.path === '/' ? `__Host-${name}` : name;
}

/** A Set-Cookie value: always HttpOnly and SameSite=Strict (no script and no other site needs these). */
export function setCookieHeader(name: string, value: string, options: CookieOptions): string {
  return serialize(cookieName(name, options), value, {
    path: options.path,
    maxAge: options.maxAgeSeconds,
    httpOnly: true,
    sameSite: 'Strict',
    secure: options.secure,
  });
}

/**
 * A cookie's value (percent-decoded), under its prefixed name first. A malformed Cookie header
 * never throws: a value that cannot be decoded is read as it stands.
 */
export function readCookie(request: Request, name: string, options: Pick<CookieOptions, 'path' | 'secure'>): string | undefined {
  const header = request.headers.get('Cookie');
  if (!header) return undefined;
  const cookies = parse(header);
  return cookies[cookieName(name, options)] ?? (options.secure && options.path === '/' ? undefined : cookies[name]);
}

/** Whether the request reached the site over TLS (its URL carries the public origin on Node). */
export const isSecureRequest = (request: Request): boolean => new URL(request.url).protocol === 'https:';

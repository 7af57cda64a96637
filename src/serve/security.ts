// What keeps the workbench safe on a shared machine: a Content-Security-Policy with no inline
// script and no other origin, and edits only by a same-origin POST carrying this server's token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { secureHeaders } from 'hono/secure-headers';

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // pdf.js and uPlot set element styles from script (CSSOM), which style-src does not govern.
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      workerSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    crossOriginEmbedderPolicy: false,
    // 'no-referrer' would make the browser send `Origin: null` on our own form posts.
    referrerPolicy: 'same-origin',
    // A local http server: HSTS would only confuse other services on this host.
    strictTransportSecurity: false,
  });

/** A random token per server start; forms carry it, a POST without it is refused. */
export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sameToken(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Same origin by the browser's own word: Origin equals the request's, and Sec-Fetch-Site (when sent) says so. */
export function sameOrigin(requestUrl: string, origin: string | undefined, fetchSite: string | undefined): boolean {
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return false;
  return origin !== undefined && origin === new URL(requestUrl).origin;
}

/**
 * Who is signed in. Embedded (development) sign-in keeps the bearer token in sessionStorage: it survives a reload of
 * the tab, not the closing of the browser, and is never in localStorage. An OpenID Connect sign-in (authorization
 * code with PKCE against AUTH_ISSUER, src/features/auth/oidc.ts) keeps its access token in memory only: a reload
 * signs in again at the issuer (whose own session makes that one redirect).
 */
import { useSyncExternalStore } from 'react';
import { isRole, type Role } from '@crm/access-matrix';

export type { Role };

export interface Session {
  token: string;
  sub: string;
  roles: Role[];
  /** Seconds since the epoch. */
  expiresAt: number;
}

const TOKEN_KEY = 'crm.token';
const listeners = new Set<() => void>();
let cached: { token: string | null; session: Session | null } = { token: null, session: null };
/** An OIDC access token: held here, in this page's memory, and nowhere else. */
let inMemoryToken: string | null = null;

function base64UrlJson(part: string): unknown {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * Reads the claims of a JWT to show who is signed in and what to offer. The signature is the API's to check: a forged
 * token gets the user no further than the API's 401.
 */
export function parseToken(token: string): Session | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = base64UrlJson(parts[1]) as { sub?: unknown; roles?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles) || typeof claims.exp !== 'number') return null;
    return {
      token: token.trim(),
      sub: claims.sub,
      roles: claims.roles.filter(isRole),
      expiresAt: claims.exp,
    };
  } catch {
    return null;
  }
}

export const isExpired = (session: Session, now = Date.now()): boolean => session.expiresAt * 1000 <= now;

function read(): Session | null {
  const token = inMemoryToken ?? sessionStorage.getItem(TOKEN_KEY);
  if (token !== cached.token) cached = { token, session: token ? parseToken(token) : null };
  return cached.session && !isExpired(cached.session) ? cached.session : null;
}

const notify = () => listeners.forEach((listener) => listener());

export const session = {
  current: read,
  token: (): string | undefined => read()?.token,
  /** `keep: 'memory'` for a token from the identity provider (never written to any storage). */
  signIn(token: string, keep: 'tab' | 'memory' = 'tab'): Session | null {
    const parsed = parseToken(token);
    if (!parsed || isExpired(parsed)) return null;
    if (keep === 'memory') {
      inMemoryToken = parsed.token;
      sessionStorage.removeItem(TOKEN_KEY);
    } else sessionStorage.setItem(TOKEN_KEY, parsed.token);
    notify();
    return parsed;
  },
  signOut(): void {
    inMemoryToken = null;
    sessionStorage.removeItem(TOKEN_KEY);
    notify();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const hasRole = (current: Session | null, ...roles: Role[]): boolean => !!current && current.roles.some((role) => roles.includes(role));

/** The signed-in session, re-rendering on sign-in and sign-out. */
export const useSession = (): Session | null => useSyncExternalStore(session.subscribe, session.current);

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server, Socket } from 'node:net';
import { AuthenticationError, challengeOf } from '../auth/auth-errors';
import { bearerToken } from '../auth/auth.guard';
import { InvalidTokenError, TOKEN_VERIFIER, TokenVerifier } from '../auth/token-verifier';

/**
 * A request (headers and body) must have arrived whole within this; a client that trickles its body is cut off.
 * Node checks every 30 s (connectionsCheckingInterval), so a slow request is closed within 30–60 s.
 */
export const REQUEST_TIMEOUT_MS = 30_000;
/** The headers alone within this. */
export const HEADERS_TIMEOUT_MS = 15_000;

/** Fastify's server option for slow clients (the headers timeout is set on the server: boundSlowClients). */
export const slowClientOptions = { requestTimeout: REQUEST_TIMEOUT_MS } as const;

/** Open connections one client address may hold at once (MAX_CONNECTIONS_PER_ADDRESS; 0: no cap). */
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 64;

export function maxConnectionsPerAddressFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MAX_CONNECTIONS_PER_ADDRESS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
  if (!/^\d+$/.test(raw)) throw new Error(`MAX_CONNECTIONS_PER_ADDRESS must be a whole number of connections (0: no cap); got "${env.MAX_CONNECTIONS_PER_ADDRESS}"`);
  return Number(raw);
}

/**
 * Headers within HEADERS_TIMEOUT_MS, and closes a new connection at once when its address already holds `max`: a client opening connections without end
 * (each trickling a body) cannot use up the process's file descriptors and lock everyone else out. Behind a proxy
 * every client shares the proxy's address: raise the cap there, or set 0 and cap at the proxy.
 */
export function capConnectionsPerAddress(server: Server, max: number): void {
  (server as Server & { headersTimeout?: number }).headersTimeout = HEADERS_TIMEOUT_MS;
  if (max <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

/**
 * A request that carries a body is answered 401 before its body is read or parsed unless it carries a valid bearer
 * token (every route that takes a body needs one): an anonymous client cannot make the API read and parse
 * megabytes, or hold a connection open sending them slowly. The AuthGuard still decides, per route, afterwards.
 */
export function refuseAnonymousBodies(app: NestFastifyApplication): void {
  const verifier = app.get<TokenVerifier>(TOKEN_VERIFIER);
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    const { headers } = request;
    const hasBody = (headers['content-length'] !== undefined && headers['content-length'] !== '0') || headers['transfer-encoding'] !== undefined;
    if (!hasBody) return;
    let refusal: AuthenticationError | undefined;
    try {
      await verifier.verify(bearerToken(request));
    } catch (error) {
      if (error instanceof AuthenticationError) refusal = error;
      else if (error instanceof InvalidTokenError) refusal = new AuthenticationError(error.message, true);
      // A token that cannot be checked now (the key set unreachable) goes on to the AuthGuard, which answers 503.
    }
    if (!refusal) return;
    // The same answer the AuthGuard gives; the body is not read, and the connection is closed after the answer.
    return reply.status(401).header('www-authenticate', challengeOf(refusal)).header('connection', 'close').send(refusal.getResponse());
  });
}

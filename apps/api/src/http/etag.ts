import type { FastifyReply } from 'fastify';

/**
 * A query that answers one aggregate carries its stream revision as `ETag: "<revision>"` (SPEC §4), so a client can
 * send it back as If-Match with its next command without reading the timeline. The answer names it too (`revision`).
 */
export function withETag<T extends { revision?: number }>(reply: FastifyReply, answer: T): T {
  if (typeof answer.revision === 'number') void reply.header('etag', `"${answer.revision}"`);
  return answer;
}

import { parseArgs } from 'node:util';
import { resolveAuthConfig } from '../../api/src/auth/auth-config';
import { issueToken, parseRoles, parseTtl } from '../../api/src/auth/issue-token';
import { Settings } from '../../api/src/config/settings';

export const TOKEN_USAGE = `token --role <role>[,<role>…] --sub <user id> [--person <person id>] [--ttl 8h]
                        print an HS256 bearer token signed with AUTH_JWT_SECRET (or the secret generated in DATA_DIR);
                        roles: connector, manager, reporting, admin; --person links the login to that person (claim
                        AUTH_PERSON_CLAIM, default personId: GET /api/me, the caller's worklist); ttl like 30m, 8h, 7d
                        (default 8h, at most 366d)`;

/** `token --role connector --sub u-123 [--person <id>] [--ttl 8h]`: answers the token (and nothing else, so it can be captured). */
export function tokenCommand(settings: Settings, args: string[]): string {
  const { values } = parseArgs({
    args,
    options: { role: { type: 'string', multiple: true }, sub: { type: 'string' }, person: { type: 'string' }, ttl: { type: 'string', default: '8h' } },
    strict: true,
  });
  if (!values.sub) throw new Error(`--sub is required: it becomes recordedBy on every event written with this token\nusage: npm run cli -- ${TOKEN_USAGE}`);
  const roles = parseRoles(values.role ?? []);
  const ttlSeconds = parseTtl(values.ttl ?? '8h');
  // Logs (a generated secret, warnings) go to stderr: stdout carries the token only.
  const logger = { log: (m: string) => console.error(m), warn: (m: string) => console.error(`warning: ${m}`) };
  return issueToken(resolveAuthConfig(settings, logger), { sub: values.sub, roles, ttlSeconds, ...(values.person !== undefined && { personId: values.person }) });
}

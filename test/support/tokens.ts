import { Role } from '../../apps/api/src/auth/access-matrix';
import { issueToken } from '../../apps/api/src/auth/issue-token';

/** The HS256 secret every test app and every spawned API process is given, so tests can mint tokens. */
export const TEST_JWT_SECRET = 'e2e-test-secret-0123456789abcdef-0123456789';
/** The `sub` of the default (admin) client: what `recordedBy` says for everything it writes. */
export const TEST_ADMIN_SUB = 'test-admin';

/** An HS256 token signed with TEST_JWT_SECRET; `personId` links the login to a person (the default person claim). */
export function testToken(roles: Role[], sub: string, { ttlSeconds = 3600, personId }: { ttlSeconds?: number; personId?: string } = {}): string {
  return issueToken({ mode: 'hs256', secret: TEST_JWT_SECRET, secretSource: 'env' }, { sub, roles, ttlSeconds, ...(personId !== undefined && { personId }) });
}

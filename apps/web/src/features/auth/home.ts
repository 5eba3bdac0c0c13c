import { hasRole, type Session } from '@/lib/session';

/** Where a signed-in user starts: a connector with their week, management with the dashboard, others with the list. */
export function homeOf(current: Session): '/mijn-week' | '/management' | '/partnerschappen' {
  if (hasRole(current, 'connector', 'admin')) return '/mijn-week';
  if (hasRole(current, 'manager', 'region')) return '/management';
  return '/partnerschappen';
}

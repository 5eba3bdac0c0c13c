import { mayOpen, SCREENS, type Screen } from '@/lib/access';
import { hasRole, type Session } from '@/lib/session';

/**
 * Where a signed-in user starts: a connector with their week, management and the region with the dashboard, others
 * with the list; always a screen the user may open, or none when the login has no role of this app.
 */
export function homeOf(current: Session): Screen | undefined {
  const preferred: Screen = hasRole(current, 'connector', 'admin') ? '/mijn-week' : hasRole(current, 'manager', 'region') ? '/management' : '/partnerschappen';
  return [preferred, ...(Object.keys(SCREENS) as Screen[])].find((screen) => mayOpen(current, screen));
}

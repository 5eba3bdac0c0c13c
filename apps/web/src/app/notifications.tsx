import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

/** The app's notifications (the `notifications` store of @mantine/notifications), top right. */
export default function AppNotifications() {
  return <Notifications position="top-right" />;
}

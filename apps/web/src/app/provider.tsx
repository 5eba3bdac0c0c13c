import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '@/lib/i18n';
import { queryClient } from '@/lib/query-client';
import { session } from '@/lib/session';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

function WithLocale() {
  const { i18n: current } = useTranslation();
  // Signing out (or a 401) forgets every answer of the previous user and shows the sign-in screen.
  useEffect(
    () =>
      session.subscribe(() => {
        if (session.current()) return;
        queryClient.clear();
        void router.navigate({ to: '/aanmelden', search: { redirect: router.state.location.href } });
      }),
    [],
  );
  return (
    <DatesProvider settings={{ locale: current.language === 'en' ? 'en-gb' : 'nl', firstDayOfWeek: 1 }}>
      <RouterProvider router={router} />
    </DatesProvider>
  );
}

export function AppProvider() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <WithLocale />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

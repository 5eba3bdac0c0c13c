import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, Suspense, useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '@/lib/i18n';
import { queryClient } from '@/lib/query-client';
import { session } from '@/lib/session';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

/** Where notifications show, with their styles: a chunk loaded beside the first screen, not before it. */
const Notifications = lazy(() => import('./notifications'));

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
        <Suspense fallback={null}>
          <Notifications />
        </Suspense>
        <QueryClientProvider client={queryClient}>
          {/* A first screen in English waits here for the English texts (a chunk of their own, lib/i18n.ts). */}
          <Suspense fallback={null}>
            <WithLocale />
          </Suspense>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

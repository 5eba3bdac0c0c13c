import { Center, Paper } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { session } from '@/lib/session';
import { homeOf } from '../home';
import { finishOidcSignIn, webConfigQuery } from '../oidc';

/** Back from the identity provider: the code becomes tokens; the access token is kept in memory only. */
export function OidcCallbackRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const config = useQuery(webConfigQuery);
  const [error, setError] = useState<Error | null>(null);
  const oidc = config.data?.oidc;

  useEffect(() => {
    if (!oidc) return;
    let cancelled = false;
    finishOidcSignIn(oidc)
      .then(({ accessToken, redirect }) => {
        if (cancelled) return;
        const signedIn = session.signIn(accessToken, 'memory');
        if (!signedIn) throw new Error(t('auth.invalidToken'));
        void navigate({ to: redirect && redirect.startsWith('/') ? redirect : (homeOf(signedIn) ?? '/'), replace: true });
      })
      .catch((reason: unknown) => !cancelled && setError(reason instanceof Error ? reason : new Error(String(reason))));
    return () => {
      cancelled = true;
    };
  }, [oidc, navigate, t]);

  const failure = error ?? config.error ?? (config.data && !oidc ? new Error(t('auth.oidcNotConfigured')) : null);
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder p="xl" maw={520} w="100%">
        {failure ? <ErrorState error={failure} onRetry={() => void navigate({ to: '/aanmelden' })} /> : <LoadingState rows={1} label={t('auth.oidcFinishing')} />}
      </Paper>
    </Center>
  );
}

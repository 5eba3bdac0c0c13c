import { Alert, Button, Center, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconBuildingCommunity, IconKey } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useLoaderData, useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/language-switch';
import { ErrorState, LoadingState } from '@/components/states';
import { session } from '@/lib/session';
import { homeOf } from '../home';
import { startOidcSignIn, webConfigQuery, type WebConfig } from '../oidc';

/** The sign-in screen: OpenID Connect where the server is configured for it, else the development sign-in. */
export function SignInRoute() {
  const { t } = useTranslation();
  const config = useQuery(webConfigQuery);
  const router = useRouter();
  useEffect(() => {
    document.title = `${t('auth.signIn')} · ${t('app.title')}`;
  }, [t]);
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={520} w="100%">
        <Stack>
          <Group justify="space-between" align="flex-start">
            <Title order={1} size="h3">
              {t('auth.title')}
            </Title>
            <LanguageSwitch />
          </Group>
          {config.isPending ? (
            <LoadingState rows={1} />
          ) : config.isError ? (
            // The route asks again, and takes a token still waiting in the fragment.
            <ErrorState error={config.error} onRetry={() => void router.invalidate()} />
          ) : config.data.oidc ? (
            <OidcSignIn oidc={config.data.oidc} />
          ) : (
            <DevelopmentSignIn />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

/** Production: one button to the organisation's identity provider (authorization code with PKCE). */
function OidcSignIn({ oidc }: { oidc: NonNullable<WebConfig['oidc']> }) {
  const { t } = useTranslation();
  const { redirect } = useSearch({ from: '/aanmelden' });
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const start = () => {
    setBusy(true);
    startOidcSignIn(oidc, redirect).catch(() => {
      setBusy(false);
      setFailed(true);
    });
  };
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('auth.oidcIntro')}
      </Text>
      {failed && (
        <Alert color="red" variant="light" title={t('auth.oidcFailed')}>
          {oidc.issuer}
        </Alert>
      )}
      <Button leftSection={<IconBuildingCommunity size={16} />} onClick={start} loading={busy} data-testid="oidc-sign-in">
        {t('auth.oidcSignIn')}
      </Button>
    </>
  );
}

/**
 * Development sign-in (embedded mode): a token the server issued, pasted here. One handed over in the URL's fragment
 * was taken by the route before this screen (fragment-sign-in.ts); if it was not a token, this screen says so.
 */
function DevelopmentSignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redirect } = useSearch({ from: '/aanmelden' });
  const { tokenRejected } = useLoaderData({ from: '/aanmelden' });
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(tokenRejected ? t('auth.invalidToken') : null);

  const finish = (value: string): boolean => {
    const signedIn = session.signIn(value);
    if (!signedIn) return false;
    void navigate({ to: redirect && redirect.startsWith('/') ? redirect : (homeOf(signedIn) ?? '/'), replace: true });
    return true;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!finish(token)) setError(t('auth.invalidToken'));
  };

  return (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('auth.devIntro')}
            </Text>
            <Textarea
              label={t('auth.tokenLabel')}
              placeholder={t('auth.tokenPlaceholder')}
              autosize
              minRows={3}
              maxRows={6}
              value={token}
              onChange={(event) => {
                setToken(event.currentTarget.value);
                setError(null);
              }}
              error={error}
              autoFocus
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
              data-testid="token"
            />
            <Button type="submit" leftSection={<IconKey size={16} />} disabled={!token.trim()}>
              {t('auth.signIn')}
            </Button>
          </Stack>
        </form>
  );
}

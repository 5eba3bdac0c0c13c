import { Button, Center, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/language-switch';
import { session } from '@/lib/session';
import { homeOf } from '../home';

/**
 * Development sign-in (embedded mode): a token the server issued, pasted here or handed over in the URL's fragment
 * (`/aanmelden#token=…`, printed by `npm start -- --demo`; a fragment never reaches a server log). An OIDC sign-in
 * would start here too (see README "Sign-in").
 */
export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redirect } = useSearch({ from: '/aanmelden' });
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);

  const finish = (value: string): boolean => {
    const signedIn = session.signIn(value);
    if (!signedIn) return false;
    void navigate({ to: redirect && redirect.startsWith('/') ? redirect : homeOf(signedIn), replace: true });
    return true;
  };

  useEffect(() => {
    const fragment = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (!fragment) return;
    history.replaceState(null, '', window.location.pathname + window.location.search);
    if (!finish(fragment)) setError(t('auth.invalidToken'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!finish(token)) setError(t('auth.invalidToken'));
  };

  useEffect(() => {
    document.title = `${t('auth.signIn')} · ${t('app.title')}`;
  }, [t]);

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={520} w="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <Title order={1} size="h3">
                {t('auth.title')}
              </Title>
              <LanguageSwitch />
            </Group>
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
      </Paper>
    </Center>
  );
}

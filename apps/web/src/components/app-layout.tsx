import { Alert, Anchor, AppShell, Box, Burger, Button, Group, Menu, Stack, Text, Title, UnstyledButton, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconBuildingCommunity, IconCalendarWeek, IconChartBar, IconHistory, IconHeartHandshake, IconLock, IconLogout, IconUpload, IconUserCircle } from '@tabler/icons-react';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { NavLinkLink } from './links';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useScopeMessage } from '@/features/auth/api/use-me';
import { useAsOf } from '@/lib/as-of';
import { useFormat } from '@/lib/format';
import { mayOpen, type Screen } from '@/lib/access';
import { session, useSession } from '@/lib/session';
import { LanguageSwitch } from './language-switch';
import { EmptyState } from './states';

interface Section {
  /** Offered to whoever may open the screen (lib/access.ts SCREENS; SPEC §6: what a role may not do is not offered). */
  to: Screen;
  label: 'nav.myWeek' | 'nav.partnerships' | 'nav.management' | 'nav.organisations' | 'nav.import';
  icon: ReactNode;
}

export const SECTIONS: Section[] = [
  { to: '/mijn-week', label: 'nav.myWeek', icon: <IconCalendarWeek size={18} /> },
  { to: '/partnerschappen', label: 'nav.partnerships', icon: <IconHeartHandshake size={18} /> },
  { to: '/management', label: 'nav.management', icon: <IconChartBar size={18} /> },
  { to: '/organisaties', label: 'nav.organisations', icon: <IconBuildingCommunity size={18} /> },
  { to: '/import', label: 'nav.import', icon: <IconUpload size={18} /> },
];

/**
 * The time-travel control carries Mantine's date picker (and its styles): a chunk of its own, loaded beside the first
 * screen instead of before it. Until it is there, the header keeps its place free.
 */
const AsOfPicker = lazy(() => import('./as-of-picker').then((module) => ({ default: module.AsOfPicker })));

/** The frame of every signed-in screen: title, time travel, language, who is signed in, and the sections. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const current = useSession();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const { asOf, setAsOf } = useAsOf();
  const format = useFormat();
  const sections = SECTIONS.filter((section) => mayOpen(current, section.to));
  const scopeMessage = useScopeMessage();
  // On a phone the header holds the menu button, the title and who is signed in; the day and the language move into
  // the menu: side by side in the header they pushed the user's menu (and its sign-out) past the screen's edge.
  // Read before the first render (a browser-only app): no frame is drawn in the other layout.
  const wide = useMediaQuery(`(min-width: ${useMantineTheme().breakpoints.sm})`, true, { getInitialValueInEffect: false });
  const dayAndLanguage = (inMenu: boolean) => (
    <>
      <Suspense fallback={<Box w={170} h={36} />}>
        <AsOfPicker withLabel={inMenu} />
      </Suspense>
      <LanguageSwitch />
    </>
  );

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <Anchor href="#inhoud" className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.mainNavigation')} />
            <Title order={1} size="h4" c="var(--mantine-primary-color-filled)">
              {t('app.title')}
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {wide && dayAndLanguage(false)}
            {current && (
              // No focus placeholder: Mantine's is a role=presentation child of role=menu, which axe counts as critical
              // (aria-required-children) now that this menu shows what the login sees; the arrow keys reach the items.
              <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
                <Menu.Target>
                  <UnstyledButton aria-label={t('auth.signedInAs', { sub: current.sub })} data-testid="user-menu">
                    <Group gap={6} wrap="nowrap">
                      <IconUserCircle size={22} aria-hidden />
                      <Text size="sm" visibleFrom="md">
                        {current.sub}
                      </Text>
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{current.roles.map((role) => t(`roles.${role}`)).join(', ')}</Menu.Label>
                  {scopeMessage && (
                    <Text component="div" size="xs" px="sm" pb="xs" maw={320} data-testid="scope-message">
                      {scopeMessage}
                    </Text>
                  )}
                  <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => session.signOut()}>
                    {t('auth.signOut')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="div">
        {!wide && (
          <Stack gap="sm" align="flex-start" p="xs" mb="xs" data-testid="menu-day-and-language">
            {dayAndLanguage(true)}
          </Stack>
        )}
        <Box component="nav" aria-label={t('app.mainNavigation')}>
          {sections.map((section) => (
            <NavLinkLink
              key={section.to}
              to={section.to}
              label={t(section.label)}
              leftSection={section.icon}
              active={pathname === section.to || pathname.startsWith(`${section.to}/`)}
              onClick={close}
            />
          ))}
        </Box>
      </AppShell.Navbar>
      <AppShell.Main id="inhoud" tabIndex={-1}>
        {asOf && (
          <Alert color="yellow" variant="light" icon={<IconHistory />} mb="md" data-testid="as-of-banner">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('asOf.past', { date: format.date(asOf) })}</Text>
              <Button size="compact-sm" variant="default" onClick={() => setAsOf(undefined)}>
                {t('asOf.backToToday')}
              </Button>
            </Group>
          </Alert>
        )}
        {sections.length > 0 ? (
          <Outlet />
        ) : (
          <EmptyState icon={<IconLock size={28} />} title={t('auth.noRoleTitle')}>
            {t('auth.noRole')}
          </EmptyState>
        )}
      </AppShell.Main>
    </AppShell>
  );
}

import { AppShell, Burger, Button, Group, Menu, NavLink, ScrollArea, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, NavLink as RouterNavLink, useLocation, useNavigate, useParams } from 'react-router';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { Logo } from '../components/logo.tsx';
import { type ActiveSession, useLogout, useSwitchOrganisation } from '../features/auth/auth.api.ts';
import { ReportIncidentButton } from '../features/incidents/incident-parts.tsx';
import { storedLocale } from '../lib/i18n.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { permissionsOf } from './permissions.ts';

export function AppLayout({ session }: { session: ActiveSession }) {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const [opened, { toggle, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const switchOrganisation = useSwitchOrganisation();
  const { i18n } = useTranslation();

  // Without a choice in this browser, the language stored in the profile applies.
  useEffect(() => {
    const profile = session.user.locale;
    if (!storedLocale() && (profile === 'de' || profile === 'en') && profile !== i18n.resolvedLanguage) void i18n.changeLanguage(profile);
  }, [session.user.locale, i18n]);

  const organisation = session.organisations.find((o) => o.id === organisationId);
  if (!organisation) return <NotFoundPage />;
  const can = permissionsOf(organisation);
  const base = `/o/${organisation.id}`;

  const links = [
    { to: base, label: t('nav.overview'), end: true, show: true },
    { to: `${base}/plan`, label: t('roadmap.nav'), show: true },
    { to: `${base}/tasks`, label: t('nav.tasks'), show: true },
    { to: `${base}/incidents`, label: t('incidents.nav'), show: true },
    { to: `${base}/applicability`, label: t('nav.applicability'), show: true },
    { to: `${base}/registration`, label: t('registration.nav'), show: true },
    { to: `${base}/documents`, label: t('documents.page.nav'), show: true },
    { to: `${base}/catalog`, label: t('nav.catalog'), show: true },
    { to: `${base}/assets`, label: t('nav.assets'), show: true },
    { to: `${base}/suppliers`, label: t('nav.suppliers'), show: true },
    { to: `${base}/staff`, label: t('nav.staff'), show: true },
    { to: `${base}/training`, label: t('nav.training'), show: true },
    { to: `${base}/phishing`, label: t('phishing.nav'), show: can.phishing },
    { to: `${base}/access`, label: t('nav.access'), show: true },
    { to: `${base}/risks`, label: t('nav.risks'), show: true },
    { to: `${base}/management`, label: t('nav.management'), show: true },
    { to: `${base}/calendar`, label: t('nav.calendar'), show: true },
    { to: `${base}/organisation`, label: t('nav.organisation'), show: true },
    { to: `${base}/locations`, label: t('nav.locations'), show: true },
    { to: `${base}/people`, label: t('nav.people'), show: true },
    { to: `${base}/api-tokens`, label: t('apiTokens.nav'), show: can.admin },
    { to: `${base}/outbox`, label: t('nav.outbox'), show: can.outbox },
    { to: `${base}/audit`, label: t('nav.audit'), show: can.auditTrail },
  ];

  const onSwitch = (id: string | null) => {
    if (!id || id === organisation.id) return;
    switchOrganisation.mutate(id, { onSuccess: () => navigate(`/o/${id}`) });
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('nav.menu')} />
            <UnstyledButton component={Link} to={base} aria-label="praxisschild">
              <Group gap={6} wrap="nowrap">
                <Logo />
                <Text fw={700} visibleFrom="sm">
                  praxisschild
                </Text>
              </Group>
            </UnstyledButton>
            {session.organisations.length > 1 ? (
              <Select
                aria-label={t('shell.switchOrganisation')}
                data-testid="organisation-switcher"
                value={organisation.id}
                onChange={onSwitch}
                allowDeselect={false}
                data={session.organisations.map((o) => ({ value: o.id, label: o.name }))}
                w={{ base: 180, sm: 260 }}
                searchable={session.organisations.length > 8}
              />
            ) : (
              <Text fw={500} truncate="end" data-testid="organisation-name">
                {organisation.name}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {can.reportIncidents && <ReportIncidentButton organisationId={organisation.id} size="sm" visibleFrom="sm" />}
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="subtle" size="sm" px="xs" data-testid="user-menu">
                  <Text size="sm" truncate="end" maw={160}>
                    {session.user.name}
                  </Text>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{session.user.email}</Menu.Label>
                <Menu.Item component={Link} to={`/o/${organisation.id}/account`} data-testid="account-link">
                  {t('shell.account')}
                </Menu.Item>
                <Menu.Item onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/login', { replace: true }) })}>{t('shell.logout')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {links
              .filter((l) => l.show)
              .map((l) => (
                <NavLink key={l.to} component={RouterNavLink} to={l.to} end={l.end} label={l.label} onClick={close} style={{ borderRadius: 6 }} />
              ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <NavLink
            component={RouterNavLink}
            to={`${base}/new-organisation`}
            label={t('nav.newOrganisation')}
            description={t('nav.newOrganisationHint')}
            onClick={close}
            style={{ borderRadius: 6 }}
          />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <div key={location.pathname.split('/').slice(0, 3).join('/')} style={{ maxWidth: 1100 }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}

import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDate } from '../../lib/format.ts';
import { useDashboard } from './dashboard.api.ts';
import { AccessCard } from './dashboard-access.tsx';
import { AgendaCard } from './dashboard-agenda.tsx';
import { CoverageCard, FineCard, IncidentDeadlinesCard, ListCard, ProgressCard, RequirementLink } from './dashboard-cards.tsx';
import { ManagementCard } from './dashboard-management.tsx';
import { RegistersCard } from './dashboard-registers.tsx';
import { RisksCard } from './dashboard-risks.tsx';
import { SuppliersCard } from './dashboard-suppliers.tsx';
import { TrainingCard } from './dashboard-training.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const dashboard = useDashboard(organisationId);
  if (dashboard.isPending) return <PageLoader />;
  if (dashboard.error) return <ErrorAlert error={dashboard.error} />;
  const d = dashboard.data;
  const base = `/o/${organisationId}`;
  const neverChecked = !d.profile.assessed && !d.nis2;

  return (
    <Stack gap="lg">
      <PageHeader title={t('dashboard.title')} description={t('dashboard.description')} />
      <AgendaCard organisationId={organisationId} base={base} />
      {d.incidentDeadlines.length > 0 && <IncidentDeadlinesCard dashboard={d} base={base} />}
      {neverChecked && (
        <Card withBorder padding="xl" bg="teal.0" data-testid="dashboard-cta">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h3">
              {t('dashboard.cta.title')}
            </Title>
            <Text>{t('dashboard.cta.text')}</Text>
            <Button component={Link} to={`${base}/applicability`} size="md">
              {t('dashboard.cta.button')}
            </Button>
          </Stack>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <ProgressCard title={t('dashboard.kbvProgress')} progress={d.progress.kbv} testId="progress-kbv" to={`${base}/catalog?framework=kbv`} />
        <ProgressCard
          title={t('dashboard.nis2Progress')}
          progress={d.progress.nis2}
          testId="progress-nis2"
          to={`${base}/catalog?framework=nis2`}
          empty={d.nis2?.category === 'not_affected' ? t('dashboard.nis2NotAffected') : undefined}
        />
        <FineCard dashboard={d} base={base} />
      </SimpleGrid>
      <RegistersCard organisationId={organisationId} base={base} />
      <SuppliersCard organisationId={organisationId} base={base} />
      <TrainingCard organisationId={organisationId} base={base} />
      <AccessCard organisationId={organisationId} base={base} />
      <RisksCard organisationId={organisationId} base={base} />
      <ManagementCard organisationId={organisationId} base={base} />

      {d.progress.byAnnex.length > 0 && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="md">
            {t('dashboard.byAnnex')}
          </Title>
          <BarChart
            h={260}
            data={d.progress.byAnnex.map((a) => ({
              annex: t('catalog.annex', { annex: a.annex }),
              done: a.done,
              inProgress: a.inProgress,
              open: a.open,
            }))}
            dataKey="annex"
            type="stacked"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            series={[
              { name: 'done', label: t('dashboard.done'), color: 'teal.6' },
              { name: 'inProgress', label: t('requirementStatus.in_progress'), color: 'blue.5' },
              { name: 'open', label: t('requirementStatus.open'), color: 'gray.4' },
            ]}
          />
        </Card>
      )}

      {d.progress.byLocation.length > 1 && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="md">
            {t('dashboard.byLocation')}
          </Title>
          <Stack gap="sm">
            {d.progress.byLocation.map((l) => (
              <Stack key={l.locationId} gap={4}>
                <Group justify="space-between">
                  <Text size="sm" fw={500}>
                    {l.name}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('dashboard.doneOf', { done: l.done, total: l.total })}
                  </Text>
                </Group>
                <Progress value={l.ratio * 100} color="teal" aria-label={l.name} />
              </Stack>
            ))}
          </Stack>
        </Card>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ListCard title={t('dashboard.overdue')} empty={t('dashboard.noOverdue')} testId="overdue-list">
          {d.overdue.map((item) => (
            <RequirementLink key={`${item.requirementId}-${item.locationId}`} base={base} id={item.requirementId} titleDe={item.titleDe} titleEn={item.titleEn}>
              <Text size="xs" c="red">
                {t('dashboard.dueSince', { date: formatDate(item.dueDate) })}
              </Text>
            </RequirementLink>
          ))}
          {d.overdueTotal > d.overdue.length && (
            <Anchor component={Link} to={`${base}/catalog?overdue=1`} size="sm">
              {t('dashboard.allOverdue', { count: d.overdueTotal })}
            </Anchor>
          )}
        </ListCard>
        <ListCard title={t('dashboard.mandatoryOpen', { count: d.mandatoryOpen.length })} empty={t('dashboard.noMandatoryOpen')} testId="mandatory-open-list">
          {d.mandatoryOpen.slice(0, 8).map((item) => (
            <RequirementLink key={item.requirementId} base={base} id={item.requirementId} titleDe={item.titleDe} titleEn={item.titleEn}>
              <StatusBadge status={item.status} />
            </RequirementLink>
          ))}
          {d.mandatoryOpen.length > 8 && (
            <Anchor component={Link} to={`${base}/catalog?mandatory=1`} size="sm">
              {t('dashboard.allMandatory', { count: d.mandatoryOpen.length })}
            </Anchor>
          )}
        </ListCard>
      </SimpleGrid>

      <CoverageCard dashboard={d} />
    </Stack>
  );
}

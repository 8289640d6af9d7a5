import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Button, Card, Group, List, Progress, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ProgressCount } from '../../../domain/compliance/progress.ts';
import { nis2Measures } from '../../../domain/nis2/measures.data.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatEuro } from '../../components/money.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useDashboard, type Dashboard } from './dashboard.api.ts';

const coverageColor = { core: 'teal', partial: 'yellow', none: 'gray' } as const;

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

function ProgressCard({ title, progress, testId, to, empty }: { title: string; progress: ProgressCount; testId: string; to: string; empty?: string }) {
  const { t } = useTranslation();
  const percent = Math.round(progress.ratio * 100);
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {title}
      </Text>
      {empty ? (
        <Text mt="sm">{empty}</Text>
      ) : (
        <Group wrap="nowrap" gap="md" mt="xs">
          <RingProgress
            size={96}
            thickness={10}
            roundCaps
            // Empty sections would still draw a round cap as a dot at 0 %.
            sections={[
              { value: progress.total ? (progress.done / progress.total) * 100 : 0, color: 'teal' },
              { value: progress.total ? (progress.inProgress / progress.total) * 100 : 0, color: 'blue.4' },
            ].filter((section) => section.value > 0)}
            label={
              <Text ta="center" fw={700} size="sm">
                {percent} %
              </Text>
            }
          />
          <Stack gap={2}>
            <Text fw={700} size="lg">
              <span data-testid={`${testId}-done`}>{progress.done}</span> / {progress.total}
            </Text>
            <Text size="sm" c="dimmed">
              {t('dashboard.doneLabel')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('dashboard.counts', { inProgress: progress.inProgress, open: progress.open })}
            </Text>
          </Stack>
        </Group>
      )}
      <Anchor component={Link} to={to} size="sm" mt="sm" display="block">
        {t('dashboard.toCatalog')}
      </Anchor>
    </Card>
  );
}

function FineCard({ dashboard: d, base }: { dashboard: Dashboard; base: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid="fine-card">
      <Text size="sm" c="dimmed">
        {t('dashboard.nis2Status')}
      </Text>
      {d.nis2 ? (
        <Stack gap={4} mt="xs">
          <Text fw={700} size="lg">
            {t(`nis2Category.${d.nis2.category}`)}
          </Text>
          {d.nis2.maxFineEur !== null ? (
            <Text size="sm">
              {t('dashboard.fineUpTo')}{' '}
              <Text span fw={700}>
                {formatEuro(d.nis2.maxFineEur)}
              </Text>
            </Text>
          ) : (
            <Text size="sm">{t('applicability.result.noFine')}</Text>
          )}
          <Text size="xs" c="dimmed">
            {t('dashboard.financialYear', { year: d.nis2.financialYear ?? '–' })}
          </Text>
          <Anchor component={Link} to={`${base}/applicability`} size="sm">
            {t('dashboard.toCheck')}
          </Anchor>
        </Stack>
      ) : (
        <Stack gap="xs" mt="xs" align="flex-start">
          <Text size="sm">{t('dashboard.noNis2')}</Text>
          <Button component={Link} to={`${base}/applicability`} variant="light" size="sm">
            {t('dashboard.cta.button')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}

/** Reports of security incidents that are overdue or due within two days: the first thing to see. */
function IncidentDeadlinesCard({ dashboard, base }: { dashboard: Dashboard; base: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" bg="red.0" data-testid="incident-deadlines">
      <Title order={2} size="h4" mb="sm" c="red.9">
        {t('dashboard.incidentDeadlines')}
      </Title>
      <Stack gap="xs">
        {dashboard.incidentDeadlines.map((item) => (
          <Group key={item.incidentId} justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={Link} to={`${base}/incidents/${item.incidentId}`} size="sm" fw={500}>
              #{item.number} {item.title}
            </Anchor>
            <Text size="sm" c={item.next.isOverdue ? 'red.8' : 'orange.9'} fw={500}>
              {t(`dashboard.reportKind.${item.next.kind}`)} ·{' '}
              {t(item.next.isOverdue ? 'dashboard.incidentOverdue' : 'dashboard.incidentDue', { when: formatDateTime(item.next.due) })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function ListCard({ title, empty, testId, children }: { title: string; empty: string; testId: string; children: ReactNode[] }) {
  const items = children.flat().filter(Boolean);
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="xs">{items}</Stack>
      )}
    </Card>
  );
}

function RequirementLink({ base, id, titleDe, titleEn, children }: { base: string; id: string; titleDe: string; titleEn: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
      <Anchor component={Link} to={`${base}/catalog/${id}`} size="sm" style={{ minWidth: 0 }}>
        {currentLocale() === 'de' ? titleDe : titleEn}
      </Anchor>
      {children}
    </Group>
  );
}

function CoverageCard({ dashboard: d }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const measures = new Map(nis2Measures.map((m) => [m.id, m]));
  return (
    <Card withBorder padding="lg" data-testid="coverage-card">
      <Title order={2} size="h4">
        {t('dashboard.coverageTitle')}
      </Title>
      <Text fw={600} mt="xs" data-testid="coverage-sentence">
        {d.coverage.summary[locale]}
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {d.coverage.remaining[locale]}
      </Text>
      <List spacing="sm" mt="md" listStyleType="none" ml={0} pl={0}>
        {d.coverage.measures.map((m) => {
          const measure = measures.get(m.measureId);
          return (
            <List.Item key={m.measureId}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm">{measure ? (locale === 'de' ? measure.titleDe : measure.titleEn) : m.measureId}</Text>
                  <Text size="xs" c="dimmed">
                    {m.legalBasis}
                    {m.total > 0 && ` · ${t('dashboard.implementedOf', { done: m.implementedCount, total: m.total })}`}
                  </Text>
                  {m.beyondKbv && <Text size="xs">{t('coverage.stillRequired', { items: m.beyondKbv[locale] })}</Text>}
                </Stack>
                <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                  <Badge color={coverageColor[m.kbvCoverage]} variant="light">
                    {t(`coverage.kbvCoverage.${m.kbvCoverage}`)}
                  </Badge>
                  {m.kbvPartDone && (
                    <Badge color="teal" variant="filled" size="sm">
                      {t('coverage.kbvPartDone')}
                    </Badge>
                  )}
                </Stack>
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}

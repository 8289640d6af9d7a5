import { Anchor, Badge, Button, Card, Group, List, RingProgress, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgressCount } from '../../../domain/compliance/progress.ts';
import { nis2Measures } from '../../../domain/nis2/measures.data.ts';
import { formatEuro } from '../../components/money.ts';
import { formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import type { Dashboard } from './dashboard.api.ts';

const coverageColor = { core: 'teal', partial: 'yellow', none: 'gray' } as const;

export function ProgressCard({ title, progress, testId, to, empty }: { title: string; progress: ProgressCount; testId: string; to: string; empty?: string }) {
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

export function FineCard({ dashboard: d, base }: { dashboard: Dashboard; base: string }) {
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
export function IncidentDeadlinesCard({ dashboard, base }: { dashboard: Dashboard; base: string }) {
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

export function ListCard({ title, empty, testId, children }: { title: string; empty: string; testId: string; children: ReactNode[] }) {
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

export function RequirementLink({ base, id, titleDe, titleEn, children }: { base: string; id: string; titleDe: string; titleEn: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
      <Anchor component={Link} to={`${base}/catalog/${id}`} size="sm" style={{ minWidth: 0 }}>
        {currentLocale() === 'de' ? titleDe : titleEn}
      </Anchor>
      {children}
    </Group>
  );
}

export function CoverageCard({ dashboard: d }: { dashboard: Dashboard }) {
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

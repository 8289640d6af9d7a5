import { Anchor, Badge, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type IncidentSignificanceFilter,
  type IncidentStatusFilter,
  incidentSignificanceFilters,
  incidentStatusFilters,
} from '../../../domain/incidents/incident-list.ts';
import { DataTable, type DataTableColumn, useListSort } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { isUrgent } from './berlin-time.ts';
import { formatBerlinTime, incidentPermissions, ReportIncidentButton, useNow, useRemainingText } from './incident-parts.tsx';
import { type IncidentSummary, useIncidents } from './incidents.api.ts';

/** Before the assessment no clock runs on the server; the early warning would be due 24 hours after noticing. */
const earlyWarningIfSignificant = (noticedAt: string) => new Date(Date.parse(noticedAt) + 24 * 3_600_000).toISOString();

const significanceLabel: Record<IncidentSignificanceFilter, string> = {
  significant: 'incidents.significance.significant',
  not_significant: 'incidents.significance.notSignificant',
  unassessed: 'incidents.significance.open',
};

/** A badge whose label may wrap instead of being cut in a narrow column. */
const wrapping = { label: { whiteSpace: 'normal' as const } };

/** The assessment as the detail page shows it (SignificanceBadge), in normal case so that it fits the status column. */
function significanceBadge(significant: boolean | null) {
  if (significant === null) return { color: 'yellow', variant: 'light', label: 'incidents.significance.open' } as const;
  return significant
    ? ({ color: 'red', variant: 'filled', label: 'incidents.significance.significant' } as const)
    : ({ color: 'gray', variant: 'light', label: 'incidents.significance.notSignificant' } as const);
}

/** The assessment and, once recorded, the end of handling. */
function StatusCell({ incident }: { incident: IncidentSummary }) {
  const { t } = useTranslation();
  const assessment = significanceBadge(incident.significant);
  return (
    <Stack gap={4} align="flex-start" data-testid="incident-status" data-closed={incident.handlingCompletedAt ? 'true' : 'false'}>
      <StatusBadge color={assessment.color} variant={assessment.variant} label={t(assessment.label)} testId="significance-badge" />
      {incident.handlingCompletedAt && <StatusBadge color="gray" variant="light" label={t('incidents.list.closed')} />}
    </Stack>
  );
}

function StatusBadge({ color, variant, label, testId }: { color: string; variant: 'light' | 'filled'; label: string; testId?: string }) {
  return (
    <Badge color={color} variant={variant} size="sm" tt="none" h="auto" styles={wrapping} data-testid={testId}>
      {label}
    </Badge>
  );
}

export function IncidentListPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const [sort, setSort] = useListSort<string>({ sort: 'number', order: 'desc' });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<IncidentStatusFilter | null>(null);
  const [significance, setSignificance] = useState<IncidentSignificanceFilter | null>(null);
  const incidents = useIncidents(organisationId, sort, { q, status: status ?? undefined, significance: significance ?? undefined });
  const organisation = useOrganisation(organisationId);
  const can = incidentPermissions(organisation.data?.me);
  const now = useNow();
  const remaining = useRemainingText();
  const filtered = Boolean(q || status || significance);

  const header = (
    // The red "Vorfall melden" sits in the header on every page; on a phone the header has no room, so it shows here.
    <PageHeader
      title={t('incidents.title')}
      description={t('incidents.description')}
      actions={can.report && <ReportIncidentButton organisationId={organisationId} hiddenFrom="sm" />}
    />
  );
  if (incidents.query.error) {
    return (
      <Stack gap="lg">
        {header}
        <ErrorAlert error={incidents.query.error} />
      </Stack>
    );
  }
  // Nothing reported yet (not merely nothing matching the filters): say what to do instead of an empty table.
  if (incidents.total === 0 && !filtered && !incidents.query.isPlaceholderData) {
    return (
      <Stack gap="lg">
        {header}
        <Card withBorder padding="lg">
          <Text fw={600}>{t('incidents.emptyTitle')}</Text>
          <Text c="dimmed" size="sm" mt={4}>
            {t('incidents.empty')}
          </Text>
          {can.report && (
            <Group mt="md">
              <ReportIncidentButton organisationId={organisationId} />
            </Group>
          )}
        </Card>
      </Stack>
    );
  }

  const columns: DataTableColumn<IncidentSummary>[] = [
    {
      key: 'number',
      header: t('incidents.number'),
      sortKey: 'number',
      width: 70,
      render: (incident) => <Text fw={600}>{incident.number}</Text>,
    },
    {
      key: 'title',
      header: t('incidents.incident'),
      sortKey: 'title',
      render: (incident) => (
        <Stack gap={2} align="flex-start" style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/o/${organisationId}/incidents/${incident.id}`} fw={600} style={{ wordBreak: 'break-word' }}>
            {incident.title}
          </Anchor>
          {/* On narrower screens the time noticed has no column of its own. */}
          <Text size="sm" c="dimmed" hiddenFrom="lg">
            {t('incidents.noticedAtShort', { at: formatBerlinTime(incident.noticedAt) })}
          </Text>
          {incident.patientDataInvolved && (
            <Badge color="grape" variant="light" size="sm" tt="none" h="auto" styles={wrapping}>
              {t('incidents.patientDataBadge')}
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      key: 'noticedAt',
      header: t('incidents.list.noticedAt'),
      sortKey: 'noticedAt',
      width: 170,
      visibleFrom: 'lg',
      render: (incident) => <Text size="sm">{formatBerlinTime(incident.noticedAt)}</Text>,
    },
    {
      key: 'status',
      header: t('incidents.list.status'),
      sortKey: 'status',
      width: 170,
      render: (incident) => <StatusCell incident={incident} />,
    },
    {
      key: 'next',
      header: t('incidents.nextDeadline'),
      width: 230,
      render: (incident) => <NextDeadlineCell incident={incident} now={now} remaining={remaining} />,
    },
  ];

  return (
    <Stack gap="lg">
      {header}
      <DataTable
        testId="incident-table"
        rowTestId={(incident) => `incident-row-${incident.number}`}
        columns={columns}
        rows={incidents.rows}
        rowKey={(incident) => incident.id}
        total={incidents.total}
        loading={incidents.query.isPending}
        refreshing={incidents.query.isPlaceholderData}
        sort={sort}
        onSortChange={setSort}
        hasMore={incidents.query.hasNextPage}
        loadingMore={incidents.query.isFetchingNextPage}
        onLoadMore={() => void incidents.query.fetchNextPage()}
        moreLabel={(shown, total) => t('incidents.list.more', { shown, total })}
        emptyText={t('incidents.list.empty')}
        minWidth={600}
        filters={
          <>
            <TextInput
              label={t('incidents.list.search')}
              placeholder={t('incidents.list.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              maxLength={200}
              w={{ base: '100%', xs: 240 }}
              data-testid="incident-search"
            />
            <Select
              label={t('incidents.list.handling')}
              placeholder={t('incidents.list.handlingAll')}
              data={incidentStatusFilters.map((value) => ({ value, label: t(`incidents.list.${value}`) }))}
              value={status}
              onChange={(value) => setStatus(value as IncidentStatusFilter | null)}
              clearable
              w={{ base: '100%', xs: 200 }}
              data-testid="incident-status-filter"
            />
            <Select
              label={t('incidents.list.significance')}
              placeholder={t('incidents.list.significanceAll')}
              data={incidentSignificanceFilters.map((value) => ({ value, label: t(significanceLabel[value]) }))}
              value={significance}
              onChange={(value) => setSignificance(value as IncidentSignificanceFilter | null)}
              clearable
              w={{ base: '100%', xs: 200 }}
              data-testid="incident-significance-filter"
            />
          </>
        }
      />
    </Stack>
  );
}

/** The report due next and the time left, refreshed with `now`; before the assessment, what would be due if significant. */
function NextDeadlineCell({ incident, now, remaining }: { incident: IncidentSummary; now: number; remaining: ReturnType<typeof useRemainingText> }) {
  const { t } = useTranslation();
  const next = incident.next;
  if (next) {
    return (
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {t(`incidents.kind.${next.kind}`)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('incidents.dueBy', { at: formatBerlinTime(next.due) })}
        </Text>
        <Text size="sm" fw={700} c={isUrgent(next.due, now) ? 'red.7' : 'dark'} data-testid="next-remaining">
          {remaining(next.due, now)}
        </Text>
      </Stack>
    );
  }
  if (incident.handlingCompletedAt) {
    return (
      <Text size="sm" c="dimmed">
        {t('incidents.handlingDone')}
      </Text>
    );
  }
  if (incident.significant === null) {
    const due = earlyWarningIfSignificant(incident.noticedAt);
    return (
      <Stack gap={0}>
        <Text size="sm" fw={500} c="orange.8">
          {t('incidents.assessFirst')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('incidents.ifSignificant', { at: formatBerlinTime(due) })}
        </Text>
        <Text size="sm" fw={700} c={isUrgent(due, now) ? 'red.7' : 'dark'} data-testid="next-remaining">
          {remaining(due, now)}
        </Text>
      </Stack>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {t('incidents.nothingDue')}
    </Text>
  );
}

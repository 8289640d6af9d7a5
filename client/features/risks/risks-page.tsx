import { Alert, Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type RiskLevel, type RiskTreatment, riskLevels, riskTreatments } from '../../../domain/risks/risks.schema.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { DataTable, type DataTableColumn, useListSort } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportMenu } from '../../components/export-menu.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { RiskForm } from './risk-form.tsx';
import { RiskHeatMap, RiskLevelBadge } from './risk-heat-map.tsx';
import { RiskImport } from './risk-import.tsx';
import { RiskMatrixLabelsForm } from './risk-matrix-labels-form.tsx';
import { type Risk, type RiskSummary, useAxisLabel, useRiskList, useRiskMatrixLabels, useRiskSummary } from './risks.api.ts';

const YES_NO = ['yes', 'no'] as const;
type YesNo = (typeof YES_NO)[number];

const markerStyles = { root: { textTransform: 'none', maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } } as const;

/** "Entscheidung nötig" above the acceptance line until management accepted; "akzeptiert" once it did. */
export function RiskDecisionMarker({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  if (risk.acceptedAt)
    return (
      <Badge color="teal.9" variant="outline" styles={markerStyles}>
        {t('risks.marker.accepted')}
      </Badge>
    );
  if (risk.needsDecision)
    return (
      <Badge color="red.9" variant="outline" styles={markerStyles}>
        {t('risks.marker.needsDecision')}
      </Badge>
    );
  return null;
}

/** The risk register: the heat map, counts that filter the list, and the list paged by the server. */
export function RisksPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const organisation = useOrganisation(organisationId);
  const summary = useRiskSummary(organisationId);
  const [sort, setSort] = useListSort<string>({ sort: 'score', order: 'desc' });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<{ created: number; updated: number } | null>(null);
  const [labelling, setLabelling] = useState(false);
  const matrixLabels = useRiskMatrixLabels(organisationId);
  const axisLabel = useAxisLabel(organisationId);
  const level = params.get('level') as RiskLevel | null;
  const treatment = params.get('treatment') as RiskTreatment | null;
  const needsDecision = params.get('needsDecision') as YesNo | null;
  const accepted = params.get('accepted') as YesNo | null;
  const list = useRiskList(organisationId, sort, {
    level: level ?? undefined,
    treatment: treatment ?? undefined,
    needsDecision: needsDecision ?? undefined,
    accepted: accepted ?? undefined,
    q: q || undefined,
  });

  const setFilters = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );
  const setFilter = (name: string, value: string | null) => setFilters({ [name]: value });

  if (organisation.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  if (list.query.error) return <ErrorAlert error={list.query.error} />;
  const can = permissionsOf(organisation.data.me);
  const base = `/o/${organisationId}/risks`;

  const columns: DataTableColumn<Risk>[] = [
    { key: 'number', header: t('risks.column.number'), sortKey: 'number', render: (risk) => <Text size="sm">R-{risk.number}</Text> },
    {
      key: 'title',
      header: t('risks.field.title'),
      sortKey: 'title',
      render: (risk) => (
        <Anchor component={Link} to={`${base}/${risk.id}`} fw={500} size="sm">
          {risk.title}
        </Anchor>
      ),
    },
    {
      key: 'score',
      header: t('risks.column.score'),
      sortKey: 'score',
      render: (risk) => <RiskLevelBadge score={risk.currentScore} level={risk.currentLevel} />,
    },
    {
      key: 'treatment',
      header: t('risks.field.treatment'),
      visibleFrom: 'md',
      render: (risk) => <Text size="sm">{t(`risks.treatment.${risk.treatment}`)}</Text>,
    },
    { key: 'owner', header: t('risks.field.owner'), visibleFrom: 'lg', render: (risk) => <Text size="sm">{risk.owner || '–'}</Text> },
    {
      key: 'reviewOn',
      header: t('risks.field.reviewOn'),
      sortKey: 'reviewOn',
      visibleFrom: 'xl',
      render: (risk) => <Text size="sm">{risk.reviewOn ? formatCalendarDate(risk.reviewOn) : '–'}</Text>,
    },
    { key: 'decision', header: t('risks.column.decision'), render: (risk) => <RiskDecisionMarker risk={risk} /> },
  ];
  const filtered = Boolean(level || treatment || needsDecision || accepted || q);
  const yesNo = YES_NO.map((value) => ({ value, label: t(`risks.answer.${value}`) }));

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('risks.title')}
        description={t('risks.description')}
        actions={
          <Group gap="xs">
            <ExportMenu
              url={`/api/v1/organisations/${organisationId}/risks/export`}
              filters={{ level, treatment, needsDecision, accepted, q }}
              testId="risk-export"
            />
            <Button variant="light" component={Link} to={`${base}/templates`}>
              {t('risks.fromTemplates')}
            </Button>
            {can.editRegisters && (
              <Button variant="default" onClick={() => setImporting(true)} data-testid="risk-import-open">
                {t('risks.import.button')}
              </Button>
            )}
            {can.editRegisters && (
              <Button variant="default" onClick={() => setLabelling(true)} disabled={!matrixLabels.data} data-testid="matrix-labels-open">
                {t('risks.matrixLabels.button')}
              </Button>
            )}
            {can.editRegisters && <Button onClick={() => setCreating(true)}>{t('risks.add')}</Button>}
          </Group>
        }
      />
      {imported && (
        <Alert color="green" variant="light" withCloseButton onClose={() => setImported(null)} data-testid="risk-import-done">
          {t('risks.import.done', imported)}
        </Alert>
      )}
      {summary.data && summary.data.total > 0 && (
        <Card withBorder padding="md">
          <Group align="flex-start" gap="xl" wrap="wrap">
            <RiskHeatMap summary={summary.data} label={axisLabel} />
            <SummaryChips summary={summary.data} active={{ level, needsDecision, accepted }} onFilter={setFilters} />
          </Group>
        </Card>
      )}
      <DataTable
        testId="risk-table"
        columns={columns}
        rows={list.rows}
        rowKey={(risk) => risk.id}
        total={list.total}
        loading={list.query.isPending}
        refreshing={list.query.isPlaceholderData}
        sort={sort}
        onSortChange={setSort}
        hasMore={list.query.hasNextPage}
        loadingMore={list.query.isFetchingNextPage}
        onLoadMore={() => void list.query.fetchNextPage()}
        moreLabel={(shown, total) => t('risks.more', { shown, total })}
        emptyText={filtered ? t('risks.emptyFiltered') : t('risks.empty')}
        filters={
          <>
            <TextInput
              label={t('risks.search')}
              placeholder={t('risks.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={{ base: '100%', xs: 220 }}
            />
            <Select
              label={t('risks.column.level')}
              placeholder={t('risks.all')}
              data={riskLevels.map((value) => ({ value, label: t(`risks.level.${value}`) }))}
              value={level}
              onChange={(value) => setFilter('level', value)}
              clearable
              w={{ base: '100%', xs: 160 }}
            />
            <Select
              label={t('risks.field.treatment')}
              placeholder={t('risks.all')}
              data={riskTreatments.map((value) => ({ value, label: t(`risks.treatment.${value}`) }))}
              value={treatment}
              onChange={(value) => setFilter('treatment', value)}
              clearable
              w={{ base: '100%', xs: 180 }}
            />
            <Select
              label={t('risks.filter.needsDecision')}
              placeholder={t('risks.all')}
              data={yesNo}
              value={needsDecision}
              onChange={(value) => setFilter('needsDecision', value)}
              clearable
              w={{ base: '100%', xs: 170 }}
            />
            <Select
              label={t('risks.filter.accepted')}
              placeholder={t('risks.all')}
              data={yesNo}
              value={accepted}
              onChange={(value) => setFilter('accepted', value)}
              clearable
              w={{ base: '100%', xs: 150 }}
            />
          </>
        }
      />
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('risks.import.title')} size="xl">
        {importing && (
          <RiskImport
            organisationId={organisationId}
            onDone={(result) => {
              setImporting(false);
              setImported(result);
            }}
          />
        )}
      </Modal>
      <Modal opened={labelling} onClose={() => setLabelling(false)} title={t('risks.matrixLabels.title')} size="lg">
        {labelling && matrixLabels.data && (
          <RiskMatrixLabelsForm
            organisationId={organisationId}
            current={matrixLabels.data}
            onCancel={() => setLabelling(false)}
            onDone={() => setLabelling(false)}
          />
        )}
      </Modal>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('risks.add')} size="xl">
        {creating && (
          <RiskForm
            organisationId={organisationId}
            risk={null}
            onCancel={() => setCreating(false)}
            onSaved={(saved) => {
              setCreating(false);
              navigate(`${base}/${saved.id}`);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

interface ChipsProps {
  summary: RiskSummary;
  active: { level: string | null; needsDecision: string | null; accepted: string | null };
  onFilter: (changes: Record<string, string | null>) => void;
}

/** Counts by level, open decisions and acceptances; a click filters (again: lifts it). */
function SummaryChips({ summary, active, onFilter }: ChipsProps) {
  const { t } = useTranslation();
  const chip = (name: keyof ChipsProps['active'], value: string, label: string, count: number, also: Record<string, string> = {}) => {
    const selected = active[name] === value && Object.entries(also).every(([other, v]) => active[other as keyof ChipsProps['active']] === v);
    const lift = Object.fromEntries(Object.keys(also).map((other) => [other, null]));
    return (
      <UnstyledButton
        key={`${name}-${value}`}
        onClick={() => onFilter(selected ? { [name]: null, ...lift } : { [name]: value, ...also })}
        aria-pressed={selected}
        data-testid={`risk-view-${name}-${value}`}
        px="sm"
        py={4}
        style={{
          borderRadius: 16,
          border: `1px solid var(--mantine-color-${selected ? 'blue-6' : 'gray-4'})`,
          background: selected ? 'var(--mantine-color-blue-0)' : undefined,
        }}
      >
        <Text size="sm">
          {label} <b>{count}</b>
        </Text>
      </UnstyledButton>
    );
  };
  return (
    <Stack gap="sm" style={{ flex: '1 1 260px' }}>
      <Text size="sm" fw={600}>
        {t('risks.view.byLevel')}
      </Text>
      <Group gap="xs">{riskLevels.map((l) => chip('level', l, t(`risks.level.${l}`), summary.byLevel[l]))}</Group>
      <Text size="sm" fw={600}>
        {t('risks.view.decisions')}
      </Text>
      <Group gap="xs">
        {chip('needsDecision', 'yes', t('risks.view.openDecisions'), summary.openDecisions, { accepted: 'no' })}
        {chip('accepted', 'yes', t('risks.marker.accepted'), summary.accepted)}
      </Group>
      <Text size="xs" c="dimmed">
        {t('risks.view.total', { count: summary.total })}
      </Text>
    </Stack>
  );
}

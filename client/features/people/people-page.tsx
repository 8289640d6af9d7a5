import { Alert, Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { type PersonRole, type PersonStatus, personRoles, personStatuses } from '../../../domain/people/people.schema.ts';
import { DataTable, type DataTableColumn, useListSort } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportMenu } from '../../components/export-menu.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { formatDecimal, type Person, type PersonSummary, statusColor, usePeopleList, usePeopleSummary } from './people.api.ts';
import { PersonForm } from './person-form.tsx';
import { PersonImport } from './person-import.tsx';
import { RetentionForm } from './retention-form.tsx';

/** The people register (Personal): counts by status and role that filter the list, and the list paged by the server. */
export function StaffPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const organisation = useOrganisation(organisationId);
  const summary = usePeopleSummary(organisationId);
  const [sort, setSort] = useListSort<string>({ sort: 'name', order: 'asc' });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [retention, setRetention] = useState(false);
  const [imported, setImported] = useState<{ created: number; updated: number } | null>(null);
  const role = params.get('role') as PersonRole | null;
  const status = params.get('status') as PersonStatus | null;
  const locationId = params.get('locationId');
  const counted = params.get('counted') as 'kbv' | 'awu' | null;
  const list = usePeopleList(organisationId, sort, {
    role: role ?? undefined,
    status: status ?? undefined,
    locationId: locationId ?? undefined,
    counted: counted ?? undefined,
    q: q || undefined,
  });

  const setFilter = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  if (organisation.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  if (list.query.error) return <ErrorAlert error={list.query.error} />;
  const canEdit = isAllowed('people.edit', organisation.data.me);
  const locations = organisation.data.locations;
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  const period = (person: Person) =>
    [
      person.startsOn && t('staff.since', { date: formatCalendarDate(person.startsOn) }),
      person.endsOn && t('staff.until', { date: formatCalendarDate(person.endsOn) }),
    ]
      .filter(Boolean)
      .join(' · ');

  const columns: DataTableColumn<Person>[] = [
    {
      key: 'name',
      header: t('staff.field.name'),
      sortKey: 'name',
      render: (person) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/o/${organisationId}/staff/${person.id}`} fw={500} size="sm">
            {person.name}
          </Anchor>
          {person.personnelNumber && (
            <Text size="xs" c="dimmed">
              {person.personnelNumber}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'role', header: t('staff.field.role'), sortKey: 'role', render: (person) => <Text size="sm">{t(`staff.role.${person.role}`)}</Text> },
    {
      key: 'contractType',
      header: t('staff.field.contractType'),
      visibleFrom: 'md',
      render: (person) => <Text size="sm">{t(`staff.contractType.${person.contractType}`)}</Text>,
    },
    {
      key: 'hours',
      header: t('staff.column.hours'),
      visibleFrom: 'lg',
      render: (person) => <Text size="sm">{person.weeklyHours === null ? '–' : formatDecimal(person.weeklyHours, currentLocale(), 1)}</Text>,
    },
    {
      key: 'location',
      header: t('staff.field.locationId'),
      visibleFrom: 'xl',
      render: (person) => <Text size="sm">{person.locationId ? (locationName.get(person.locationId) ?? '–') : '–'}</Text>,
    },
    {
      key: 'startsOn',
      header: t('staff.column.period'),
      sortKey: 'startsOn',
      visibleFrom: 'md',
      render: (person) => <Text size="sm">{period(person) || '–'}</Text>,
    },
    {
      key: 'status',
      header: t('staff.column.status'),
      render: (person) => (
        <Badge variant="light" color={statusColor[person.status]} style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
          {t(`staff.status.${person.status}`)}
        </Badge>
      ),
    },
  ];
  const filtered = Boolean(role || status || locationId || counted || q);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('staff.title')}
        description={t('staff.description')}
        actions={
          <Group gap="xs">
            <ExportMenu
              url={`/api/v1/organisations/${organisationId}/people/export`}
              filters={{ role, status, locationId, counted, q }}
              testId="person-export"
            />
            {canEdit && summary.data && (
              <Button variant="default" onClick={() => setRetention(true)} data-testid="retention-open">
                {t('staff.retention.button', { months: summary.data.retentionMonths })}
              </Button>
            )}
            {canEdit && (
              <Button variant="default" onClick={() => setImporting(true)} data-testid="person-import-open">
                {t('staff.import.button')}
              </Button>
            )}
            {canEdit && (
              <Button onClick={() => setCreating(true)} data-testid="person-add">
                {t('staff.add')}
              </Button>
            )}
          </Group>
        }
      />
      {imported && (
        <Alert color="green" variant="light" withCloseButton onClose={() => setImported(null)} data-testid="person-import-done">
          {t('staff.import.done', imported)}
        </Alert>
      )}
      {counted && (
        <Alert color="blue" variant="light" withCloseButton onClose={() => setFilter('counted', null)} data-testid="person-counted-filter">
          {t('staff.filter.counted')}: {t(counted === 'kbv' ? 'staff.filter.countedKbv' : 'staff.filter.countedAwu')}
        </Alert>
      )}
      {summary.data && summary.data.total > 0 && <SummaryCard summary={summary.data} active={{ role, status }} onFilter={setFilter} />}
      <DataTable
        testId="person-table"
        columns={columns}
        rows={list.rows}
        rowKey={(person) => person.id}
        total={list.total}
        loading={list.query.isPending}
        refreshing={list.query.isPlaceholderData}
        sort={sort}
        onSortChange={setSort}
        hasMore={list.query.hasNextPage}
        loadingMore={list.query.isFetchingNextPage}
        onLoadMore={() => void list.query.fetchNextPage()}
        moreLabel={(shown, total) => t('staff.more', { shown, total })}
        emptyText={filtered ? t('staff.emptyFiltered') : t('staff.empty')}
        filters={
          <>
            <TextInput
              label={t('staff.search')}
              placeholder={t('staff.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={{ base: '100%', xs: 240 }}
            />
            <Select
              label={t('staff.field.role')}
              placeholder={t('staff.all')}
              data={personRoles.map((r) => ({ value: r, label: t(`staff.role.${r}`) }))}
              value={role}
              onChange={(value) => setFilter('role', value)}
              clearable
              w={{ base: '100%', xs: 240 }}
            />
            <Select
              label={t('staff.column.status')}
              placeholder={t('staff.all')}
              data={personStatuses.map((s) => ({ value: s, label: t(`staff.status.${s}`) }))}
              value={status}
              onChange={(value) => setFilter('status', value)}
              clearable
              w={{ base: '100%', xs: 180 }}
            />
            {locations.length > 1 && (
              <Select
                label={t('staff.field.locationId')}
                placeholder={t('staff.all')}
                data={locations.map((l) => ({ value: l.id, label: l.name }))}
                value={locationId}
                onChange={(value) => setFilter('locationId', value)}
                clearable
                w={{ base: '100%', xs: 200 }}
              />
            )}
          </>
        }
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('staff.add')} size="xl">
        {creating && (
          <PersonForm
            organisationId={organisationId}
            person={null}
            locations={locations}
            onCancel={() => setCreating(false)}
            onSaved={(saved) => {
              setCreating(false);
              navigate(`/o/${organisationId}/staff/${saved.id}`);
            }}
          />
        )}
      </Modal>
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('staff.import.title')} size="xl">
        {importing && (
          <PersonImport
            organisationId={organisationId}
            onDone={(result) => {
              setImporting(false);
              setImported(result);
            }}
          />
        )}
      </Modal>
      <Modal opened={retention} onClose={() => setRetention(false)} title={t('staff.retention.title')}>
        {retention && summary.data && (
          <RetentionForm
            organisationId={organisationId}
            months={summary.data.retentionMonths}
            onDone={() => setRetention(false)}
            onCancel={() => setRetention(false)}
          />
        )}
      </Modal>
    </Stack>
  );
}

interface SummaryProps {
  summary: PersonSummary;
  active: { role: string | null; status: string | null };
  onFilter: (name: string, value: string | null) => void;
}

/** The views: status and role with their counts; a click filters the list (again: lifts the filter). */
function SummaryCard({ summary, active, onFilter }: SummaryProps) {
  const { t } = useTranslation();
  const chip = (name: keyof SummaryProps['active'], value: string, label: string, count: number) => {
    const selected = active[name] === value;
    return (
      <UnstyledButton
        key={`${name}-${value}`}
        onClick={() => onFilter(name, selected ? null : value)}
        aria-pressed={selected}
        data-testid={`person-view-${name}-${value}`}
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
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" fw={600} w={130}>
            {t('staff.view.byStatus')}
          </Text>
          {personStatuses.filter((s) => summary.byStatus[s] > 0).map((s) => chip('status', s, t(`staff.status.${s}`), summary.byStatus[s]))}
        </Group>
        <Group gap="xs">
          <Text size="sm" fw={600} w={130}>
            {t('staff.view.byRole')}
          </Text>
          {summary.byRole.map((r) => chip('role', r.role, t(`staff.role.${r.role}`), r.count))}
        </Group>
        <Text size="xs" c="dimmed">
          {t('staff.view.total', { count: summary.total })}
        </Text>
      </Stack>
    </Card>
  );
}

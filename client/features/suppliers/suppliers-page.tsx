import { Alert, Anchor, Button, Card, Group, Modal, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type SupplierCriticality, type SupplierWarningKind, supplierCriticalities, supplierWarningKinds } from '../../../domain/suppliers/suppliers.schema.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { DataTable, type DataTableColumn, useListSort } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportMenu } from '../../components/export-menu.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { SupplierForm } from './supplier-form.tsx';
import { SupplierImport } from './supplier-import.tsx';
import { SupplierWarningBadges } from './supplier-warning-badges.tsx';
import { type Supplier, type SupplierSummary, supplierWarningColor, useSupplierList, useSupplierSummary } from './suppliers.api.ts';

const ANSWERS = ['yes', 'no', 'unknown'] as const;
type AnswerFilter = (typeof ANSWERS)[number];

/** The supplier register: counts by warning and criticality that filter the list, and the list paged by the server. */
export function SuppliersPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const organisation = useOrganisation(organisationId);
  const summary = useSupplierSummary(organisationId);
  const [sort, setSort] = useListSort<string>({ sort: 'name', order: 'asc' });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<{ created: number; updated: number } | null>(null);
  const criticality = params.get('criticality') as SupplierCriticality | null;
  const warning = params.get('warning') as SupplierWarningKind | null;
  const patientDataAccess = params.get('patientDataAccess') as AnswerFilter | null;
  const list = useSupplierList(organisationId, sort, {
    criticality: criticality ?? undefined,
    warning: warning ?? undefined,
    patientDataAccess: patientDataAccess ?? undefined,
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
  const can = permissionsOf(organisation.data.me);
  const answer = (value: boolean | null) => t(`suppliers.answer.${value === null ? 'unknown' : value ? 'yes' : 'no'}`);

  const columns: DataTableColumn<Supplier>[] = [
    {
      key: 'name',
      header: t('suppliers.field.name'),
      sortKey: 'name',
      render: (supplier) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/o/${organisationId}/suppliers/${supplier.id}`} fw={500} size="sm">
            {supplier.name}
          </Anchor>
          {supplier.services && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {supplier.services}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'criticality',
      header: t('suppliers.column.criticality'),
      sortKey: 'criticality',
      render: (supplier) => <Text size="sm">{t(`suppliers.criticality.${supplier.criticality}`)}</Text>,
    },
    {
      key: 'patientDataAccess',
      header: t('suppliers.column.patientData'),
      visibleFrom: 'md',
      render: (supplier) => <Text size="sm">{answer(supplier.patientDataAccess)}</Text>,
    },
    {
      key: 'c5ValidUntil',
      header: t('suppliers.column.c5ValidUntil'),
      sortKey: 'c5ValidUntil',
      visibleFrom: 'lg',
      render: (supplier) => <Text size="sm">{supplier.c5ValidUntil ? formatCalendarDate(supplier.c5ValidUntil) : '–'}</Text>,
    },
    {
      key: 'nextReviewOn',
      header: t('suppliers.field.nextReviewOn'),
      sortKey: 'nextReviewOn',
      visibleFrom: 'xl',
      render: (supplier) => <Text size="sm">{supplier.nextReviewOn ? formatCalendarDate(supplier.nextReviewOn) : '–'}</Text>,
    },
    { key: 'warnings', header: t('suppliers.warnings'), render: (supplier) => <SupplierWarningBadges warnings={supplier.warnings} /> },
  ];
  const filtered = Boolean(criticality || warning || patientDataAccess || q);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('suppliers.title')}
        description={t('suppliers.description')}
        actions={
          <Group gap="xs">
            <ExportMenu
              url={`/api/v1/organisations/${organisationId}/suppliers/export`}
              filters={{ criticality, warning, patientDataAccess, q }}
              testId="supplier-export"
            />
            {can.editRegisters && (
              <Button variant="default" onClick={() => setImporting(true)} data-testid="supplier-import-open">
                {t('suppliers.import.button')}
              </Button>
            )}
            {can.editRegisters && <Button onClick={() => setCreating(true)}>{t('suppliers.add')}</Button>}
          </Group>
        }
      />
      {imported && (
        <Alert color="green" variant="light" withCloseButton onClose={() => setImported(null)} data-testid="supplier-import-done">
          {t('suppliers.import.done', imported)}
        </Alert>
      )}
      {summary.data && summary.data.total > 0 && (
        <SummaryCard summary={summary.data} active={{ criticality, warning, patientDataAccess }} onFilter={setFilter} />
      )}
      <DataTable
        testId="supplier-table"
        columns={columns}
        rows={list.rows}
        rowKey={(supplier) => supplier.id}
        total={list.total}
        loading={list.query.isPending}
        refreshing={list.query.isPlaceholderData}
        sort={sort}
        onSortChange={setSort}
        hasMore={list.query.hasNextPage}
        loadingMore={list.query.isFetchingNextPage}
        onLoadMore={() => void list.query.fetchNextPage()}
        moreLabel={(shown, total) => t('suppliers.more', { shown, total })}
        emptyText={filtered ? t('suppliers.emptyFiltered') : t('suppliers.empty')}
        filters={
          <>
            <TextInput
              label={t('suppliers.search')}
              placeholder={t('suppliers.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={{ base: '100%', xs: 240 }}
            />
            <Select
              label={t('suppliers.field.criticality')}
              placeholder={t('suppliers.all')}
              data={supplierCriticalities.map((c) => ({ value: c, label: t(`suppliers.criticality.${c}`) }))}
              value={criticality}
              onChange={(value) => setFilter('criticality', value)}
              clearable
              w={{ base: '100%', xs: 200 }}
            />
            <Select
              label={t('suppliers.warnings')}
              placeholder={t('suppliers.all')}
              data={supplierWarningKinds.map((w) => ({ value: w, label: t(`suppliers.warningFilter.${w}`) }))}
              value={warning}
              onChange={(value) => setFilter('warning', value)}
              clearable
              w={{ base: '100%', xs: 280 }}
            />
            <Select
              label={t('suppliers.field.patientDataAccess')}
              placeholder={t('suppliers.all')}
              data={ANSWERS.map((a) => ({ value: a, label: t(`suppliers.answer.${a}`) }))}
              value={patientDataAccess}
              onChange={(value) => setFilter('patientDataAccess', value)}
              clearable
              w={{ base: '100%', xs: 220 }}
            />
          </>
        }
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('suppliers.add')} size="xl">
        {creating && (
          <SupplierForm
            organisationId={organisationId}
            supplier={null}
            onCancel={() => setCreating(false)}
            onSaved={(saved) => {
              setCreating(false);
              navigate(`/o/${organisationId}/suppliers/${saved.id}`);
            }}
          />
        )}
      </Modal>
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('suppliers.import.title')} size="xl">
        {importing && (
          <SupplierImport
            organisationId={organisationId}
            onDone={(result) => {
              setImporting(false);
              setImported(result);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

interface SummaryProps {
  summary: SupplierSummary;
  active: { criticality: string | null; warning: string | null; patientDataAccess: string | null };
  onFilter: (name: string, value: string | null) => void;
}

/** The views: warnings, criticality and patient-data access with their counts; a click filters (again: lifts it). */
function SummaryCard({ summary, active, onFilter }: SummaryProps) {
  const { t } = useTranslation();
  const chip = (name: keyof SummaryProps['active'], value: string, label: string, count: number, color?: string) => {
    const selected = active[name] === value;
    return (
      <UnstyledButton
        key={`${name}-${value}`}
        onClick={() => onFilter(name, selected ? null : value)}
        aria-pressed={selected}
        data-testid={`supplier-view-${name}-${value}`}
        px="sm"
        py={4}
        style={{
          borderRadius: 16,
          border: `1px solid var(--mantine-color-${selected ? 'blue-6' : 'gray-4'})`,
          background: selected ? 'var(--mantine-color-blue-0)' : undefined,
        }}
      >
        <Text size="sm" c={color}>
          {label} <b>{count}</b>
        </Text>
      </UnstyledButton>
    );
  };
  const warnings = supplierWarningKinds.filter((w) => summary.warnings[w] > 0);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" fw={600} w={130}>
            {t('suppliers.view.warnings')}
          </Text>
          {warnings.length === 0 ? (
            <Text size="sm" c="teal.8">
              {t('suppliers.view.noWarnings')}
            </Text>
          ) : (
            warnings.map((w) =>
              chip('warning', w, t(`suppliers.warningFilter.${w}`), summary.warnings[w], supplierWarningColor(w) === 'orange' ? 'orange.9' : 'red.8'),
            )
          )}
        </Group>
        <Group gap="xs">
          <Text size="sm" fw={600} w={130}>
            {t('suppliers.view.byCriticality')}
          </Text>
          {summary.byCriticality.map((c) => chip('criticality', c.criticality, t(`suppliers.criticality.${c.criticality}`), c.count))}
        </Group>
        <Group gap="xs">
          <Text size="sm" fw={600} w={130}>
            {t('suppliers.view.patientData')}
          </Text>
          {chip('patientDataAccess', 'yes', t('suppliers.view.withPatientData'), summary.patientDataAccess)}
        </Group>
        <Text size="xs" c="dimmed">
          {t('suppliers.view.total', { count: summary.total })}
        </Text>
      </Stack>
    </Card>
  );
}

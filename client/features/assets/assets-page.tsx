import { Alert, Anchor, Button, Card, Group, Modal, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type AssetWarningKind, assetKinds, assetWarningKinds } from '../../../domain/assets/assets.schema.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { DataTable, type DataTableColumn, useListSort } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportMenu } from '../../components/export-menu.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { AssetForm } from './asset-form.tsx';
import { AssetImport } from './asset-import.tsx';
import { AssetWarningBadges } from './asset-warning-badges.tsx';
import { type Asset, type AssetSummary, useAssetList, useAssetSummary } from './assets.api.ts';

/** The asset register: counts by warning, kind and location that filter the list, and the list paged by the server. */
export function AssetsPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const organisation = useOrganisation(organisationId);
  const summary = useAssetSummary(organisationId);
  const [sort, setSort] = useListSort<string>({ sort: 'name', order: 'asc' });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<{ created: number; updated: number } | null>(null);
  const kind = params.get('kind');
  const locationId = params.get('locationId');
  const warning = params.get('warning') as AssetWarningKind | null;
  const list = useAssetList(organisationId, sort, {
    kind: kind ?? undefined,
    locationId: locationId ?? undefined,
    warning: warning ?? undefined,
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
  const org = organisation.data;
  const can = permissionsOf(org.me);
  const locationName = new Map(org.locations.map((l) => [l.id, l.name]));

  const columns: DataTableColumn<Asset>[] = [
    {
      key: 'name',
      header: t('assets.field.name'),
      sortKey: 'name',
      render: (asset) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/o/${organisationId}/assets/${asset.id}`} fw={500} size="sm">
            {asset.name}
          </Anchor>
          {asset.inventoryNumber && (
            <Text size="xs" c="dimmed">
              {asset.inventoryNumber}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'kind', header: t('assets.field.kind'), sortKey: 'kind', render: (asset) => <Text size="sm">{t(`assets.kind.${asset.kind}`)}</Text> },
    {
      key: 'location',
      header: t('assets.field.locationId'),
      visibleFrom: 'md',
      render: (asset) => <Text size="sm">{asset.locationId ? locationName.get(asset.locationId) : '–'}</Text>,
    },
    {
      key: 'supportEndsOn',
      header: t('assets.field.supportEndsOn'),
      sortKey: 'supportEndsOn',
      visibleFrom: 'lg',
      render: (asset) => <Text size="sm">{asset.supportEndsOn ? formatCalendarDate(asset.supportEndsOn) : '–'}</Text>,
    },
    { key: 'warnings', header: t('assets.warnings'), render: (asset) => <AssetWarningBadges warnings={asset.warnings} /> },
  ];
  const filtered = Boolean(kind || locationId || warning || q);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('assets.title')}
        description={t('assets.description')}
        actions={
          <Group gap="xs">
            <ExportMenu url={`/api/v1/organisations/${organisationId}/assets/export`} filters={{ kind, locationId, warning, q }} testId="asset-export" />
            {can.editRegisters && (
              <Button variant="default" onClick={() => setImporting(true)} data-testid="asset-import-open">
                {t('assets.import.button')}
              </Button>
            )}
            {can.editRegisters && <Button onClick={() => setCreating(true)}>{t('assets.add')}</Button>}
          </Group>
        }
      />
      {imported && (
        <Alert color="green" variant="light" withCloseButton onClose={() => setImported(null)} data-testid="asset-import-done">
          {t('assets.import.done', imported)}
        </Alert>
      )}
      {summary.data && summary.data.total > 0 && (
        <SummaryCard summary={summary.data} locationName={locationName} active={{ kind, locationId, warning }} onFilter={setFilter} />
      )}
      <DataTable
        testId="asset-table"
        columns={columns}
        rows={list.rows}
        rowKey={(asset) => asset.id}
        total={list.total}
        loading={list.query.isPending}
        refreshing={list.query.isPlaceholderData}
        sort={sort}
        onSortChange={setSort}
        hasMore={list.query.hasNextPage}
        loadingMore={list.query.isFetchingNextPage}
        onLoadMore={() => void list.query.fetchNextPage()}
        moreLabel={(shown, total) => t('assets.more', { shown, total })}
        emptyText={filtered ? t('assets.emptyFiltered') : t('assets.empty')}
        filters={
          <>
            <TextInput
              label={t('assets.search')}
              placeholder={t('assets.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={{ base: '100%', xs: 240 }}
            />
            <Select
              label={t('assets.field.kind')}
              placeholder={t('assets.allKinds')}
              data={assetKinds.map((k) => ({ value: k, label: t(`assets.kind.${k}`) }))}
              value={kind}
              onChange={(value) => setFilter('kind', value)}
              clearable
              searchable
              w={{ base: '100%', xs: 220 }}
            />
            <Select
              label={t('assets.field.locationId')}
              placeholder={t('assets.allLocations')}
              data={org.locations.map((l) => ({ value: l.id, label: l.name }))}
              value={locationId}
              onChange={(value) => setFilter('locationId', value)}
              clearable
              w={{ base: '100%', xs: 200 }}
            />
            <Select
              label={t('assets.warnings')}
              placeholder={t('assets.allWarnings')}
              data={assetWarningKinds.map((w) => ({ value: w, label: t(`assets.warningFilter.${w}`) }))}
              value={warning}
              onChange={(value) => setFilter('warning', value)}
              clearable
              w={{ base: '100%', xs: 280 }}
            />
          </>
        }
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('assets.add')} size="xl">
        {creating && (
          <AssetForm
            organisationId={organisationId}
            asset={null}
            locations={org.locations}
            onCancel={() => setCreating(false)}
            onSaved={(saved) => {
              setCreating(false);
              navigate(`/o/${organisationId}/assets/${saved.id}`);
            }}
          />
        )}
      </Modal>
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('assets.import.title')} size="xl">
        {importing && (
          <AssetImport
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
  summary: AssetSummary;
  locationName: Map<string, string>;
  active: { kind: string | null; locationId: string | null; warning: string | null };
  onFilter: (name: string, value: string | null) => void;
}

/** The views: warnings, kinds and locations with their counts; a click filters the list (again: lifts the filter). */
function SummaryCard({ summary, locationName, active, onFilter }: SummaryProps) {
  const { t } = useTranslation();
  const chip = (name: 'kind' | 'locationId' | 'warning', value: string, label: string, count: number, color?: string) => {
    const selected = active[name] === value;
    return (
      <UnstyledButton
        key={`${name}-${value}`}
        onClick={() => onFilter(name, selected ? null : value)}
        aria-pressed={selected}
        data-testid={`asset-view-${name}-${value}`}
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
  const warnings = assetWarningKinds.filter((w) => summary.warnings[w] > 0);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" fw={600} w={130}>
            {t('assets.view.warnings')}
          </Text>
          {warnings.length === 0 ? (
            <Text size="sm" c="teal.8">
              {t('assets.view.noWarnings')}
            </Text>
          ) : (
            warnings.map((w) => chip('warning', w, t(`assets.warningFilter.${w}`), summary.warnings[w], w === 'support_ending' ? 'orange.9' : 'red.8'))
          )}
        </Group>
        <Group gap="xs">
          <Text size="sm" fw={600} w={130}>
            {t('assets.view.byKind')}
          </Text>
          {summary.byKind.map((k) => chip('kind', k.kind, t(`assets.kind.${k.kind}`), k.count))}
        </Group>
        {summary.byLocation.length > 1 && (
          <Group gap="xs">
            <Text size="sm" fw={600} w={130}>
              {t('assets.view.byLocation')}
            </Text>
            {summary.byLocation.filter((l) => l.locationId).map((l) => chip('locationId', l.locationId!, locationName.get(l.locationId!) ?? '–', l.count))}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('assets.view.total', { count: summary.total })}
        </Text>
      </Stack>
    </Card>
  );
}

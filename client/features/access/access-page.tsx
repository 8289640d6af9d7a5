import { Anchor, Button, Chip, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { type AccountStatus, type AccountSystem, accountStatuses, accountSystems } from '../../../domain/access/access.schema.ts';
import { DataTable, type DataTableColumn, useListSort } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { type AccountListItem, useAccountList } from './access.api.ts';
import { AccessWarningBadges } from './access-warning-badges.tsx';

/** All accounts across people: filtered by system and status, by admin without MFA, by leavers with active access. */
export function AccessPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [sort, setSort] = useListSort<string>({ sort: 'person', order: 'asc' });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const system = params.get('system') as AccountSystem | null;
  const status = params.get('status') as AccountStatus | null;
  const adminWithoutMfa = params.get('adminWithoutMfa') === 'true';
  const leaver = params.get('leaver') === 'true';
  const locationId = params.get('locationId');
  const locations = useOrganisation(organisationId).data?.locations ?? [];
  const list = useAccountList(organisationId, sort, {
    system: system ?? undefined,
    status: status ?? undefined,
    adminWithoutMfa: adminWithoutMfa ? 'true' : undefined,
    leaver: leaver ? 'true' : undefined,
    locationId: locationId ?? undefined,
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

  if (list.query.error) return <ErrorAlert error={list.query.error} />;
  const columns: DataTableColumn<AccountListItem>[] = [
    {
      key: 'person',
      header: t('access.column.person'),
      sortKey: 'person',
      render: (account) => (
        <Anchor component={Link} to={`/o/${organisationId}/staff/${account.personId}`} fw={500} size="sm">
          {account.personName}
        </Anchor>
      ),
    },
    {
      key: 'system',
      header: t('access.column.system'),
      sortKey: 'system',
      render: (account) => (
        <Stack gap={0}>
          <Text size="sm">{t(`access.system.${account.system}`)}</Text>
          {account.assetName && (
            <Text size="xs" c="dimmed">
              {account.assetName}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'accountName',
      header: t('access.column.account'),
      sortKey: 'accountName',
      render: (account) => <Text size="sm">{account.accountName || '–'}</Text>,
    },
    {
      key: 'admin',
      header: t('access.column.admin'),
      visibleFrom: 'md',
      render: (account) => <Text size="sm">{account.isAdmin ? t('common.yes') : t('common.no')}</Text>,
    },
    { key: 'status', header: t('access.column.status'), render: (account) => <Text size="sm">{t(`access.status.${account.status}`)}</Text> },
    { key: 'warnings', header: t('access.warnings'), render: (account) => <AccessWarningBadges warnings={account.warnings} /> },
  ];
  const filtered = Boolean(system || status || adminWithoutMfa || leaver || locationId || q);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('access.title')}
        description={t('access.description')}
        actions={
          <Button component={Link} to={`/o/${organisationId}/access/checklists`} variant="default">
            {t('access.templatesLink')}
          </Button>
        }
      />
      <DataTable
        testId="access-table"
        columns={columns}
        rows={list.rows}
        rowKey={(account) => account.id}
        total={list.total}
        loading={list.query.isPending}
        refreshing={list.query.isPlaceholderData}
        sort={sort}
        onSortChange={setSort}
        hasMore={list.query.hasNextPage}
        loadingMore={list.query.isFetchingNextPage}
        onLoadMore={() => void list.query.fetchNextPage()}
        moreLabel={(shown, total) => t('access.more', { shown, total })}
        emptyText={filtered ? t('access.emptyFiltered') : t('access.empty')}
        filters={
          <>
            <TextInput
              label={t('access.search')}
              placeholder={t('access.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={{ base: '100%', xs: 220 }}
            />
            <Select
              label={t('access.field.system')}
              placeholder={t('access.all')}
              data={accountSystems.map((s) => ({ value: s, label: t(`access.system.${s}`) }))}
              value={system}
              onChange={(value) => setFilter('system', value)}
              clearable
              w={{ base: '100%', xs: 240 }}
            />
            <Select
              label={t('access.filter.status')}
              placeholder={t('access.all')}
              data={accountStatuses.map((s) => ({ value: s, label: t(`access.status.${s}`) }))}
              value={status}
              onChange={(value) => setFilter('status', value)}
              clearable
              w={{ base: '100%', xs: 160 }}
            />
            {locations.length > 1 && (
              <Select
                label={t('staff.field.locationId')}
                placeholder={t('access.all')}
                data={locations.map((l) => ({ value: l.id, label: l.name }))}
                value={locationId}
                onChange={(value) => setFilter('locationId', value)}
                clearable
                w={{ base: '100%', xs: 200 }}
                data-testid="filter-location"
              />
            )}
            <Group gap="xs" align="flex-end" pb={4}>
              <Chip checked={adminWithoutMfa} onChange={(on) => setFilter('adminWithoutMfa', on ? 'true' : null)} color="orange" data-testid="filter-admin-mfa">
                {t('access.filter.adminWithoutMfa')}
              </Chip>
              <Chip checked={leaver} onChange={(on) => setFilter('leaver', on ? 'true' : null)} color="red" data-testid="filter-leaver">
                {t('access.filter.leaver')}
              </Chip>
            </Group>
          </>
        }
      />
    </Stack>
  );
}

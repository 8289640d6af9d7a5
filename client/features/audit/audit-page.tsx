import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DataTable, type DataTableColumn, useListSort } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useMembers } from '../users/users.api.ts';
import { type AuditEntry, useAuditTrail } from './audit.api.ts';
import { AuditAnchorCard } from './audit-anchor-card.tsx';

/** A few words about what changed, from the entry's data (role, name, e-mail …). */
type T = (key: string, options?: Record<string, unknown>) => string;
const SHOWN = ['name', 'legalForm', 'role', 'isAdmin', 'email', 'street', 'postalCode', 'city'];

function show(key: string, value: unknown, t: T): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (key === 'role') return t(`role.${String(value)}`);
  if (key === 'legalForm') return t(`legalForm.${String(value)}`);
  return String(value);
}

/** A few words about what changed, from the entry's data; changes show as "before → after". */
function describe(entry: AuditEntry, t: T, names: Map<string, string>): string {
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (entry.entityType === 'membership' && entry.entityId) {
    parts.push(`${t('audit.field.person')}: ${names.get(entry.entityId) ?? t('audit.formerMember')}`);
  }
  const after = data.after as Record<string, unknown> | undefined;
  const before = (data.before ?? {}) as Record<string, unknown>;
  const source = after && typeof after === 'object' ? after : data;
  for (const key of SHOWN) {
    if (!(key in source)) continue;
    const value = source[key];
    const label = t(`audit.field.${key}`);
    if (after) {
      const old = before[key] ?? null;
      const now = value === '' ? null : (value ?? null);
      if (old === now) continue;
      parts.push(`${label}: ${show(key, old, t)} → ${show(key, now, t)}`);
    } else if (value !== null && value !== undefined && value !== '') {
      parts.push(`${label}: ${show(key, value, t)}`);
    }
  }
  return parts.join(' · ');
}

/** The audit actions that have a label, as "area.event" keys, for the filter. */
function labelledActions(tree: unknown, prefix = ''): string[] {
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : labelledActions(value, `${prefix}${key}.`),
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { organisationId = '' } = useParams();
  const [sort, setSort] = useListSort<string>({ sort: 'seq', order: 'desc' });
  const [action, setAction] = useState<string | null>(null);
  const [actorUserId, setActorUserId] = useState<string | null>(null);
  const trail = useAuditTrail(organisationId, sort, { action: action ?? undefined, actorUserId: actorUserId ?? undefined });
  const members = useMembers(organisationId);

  if (trail.query.error) return <ErrorAlert error={trail.query.error} />;
  const names = new Map(members.data?.map((m) => [m.userId, m.name]) ?? []);
  const actions = labelledActions(i18n.getResource(i18n.resolvedLanguage ?? 'de', 'translation', 'audit.action'));

  const columns: DataTableColumn<AuditEntry>[] = [
    {
      key: 'seq',
      header: '#',
      sortKey: 'seq',
      width: 70,
      render: (entry) => (
        <Text size="sm" c="dimmed">
          {entry.seq}
        </Text>
      ),
    },
    { key: 'at', header: t('audit.at'), width: 170, render: (entry) => <Text size="sm">{formatDateTime(entry.at)}</Text> },
    {
      key: 'who',
      header: t('audit.who'),
      render: (entry) => (
        <Text size="sm">{entry.actorUserId ? (entry.actorName ?? names.get(entry.actorUserId) ?? t('audit.formerMember')) : t('audit.system')}</Text>
      ),
    },
    {
      key: 'what',
      header: t('audit.what'),
      render: (entry) => (
        <>
          <Text size="sm" fw={500}>
            {t(`audit.action.${entry.action}`, { defaultValue: entry.action })}
          </Text>
          <Text size="xs" c="dimmed">
            {describe(entry, t, names)}
          </Text>
        </>
      ),
    },
  ];

  return (
    <Stack gap="lg">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <AuditAnchorCard organisationId={organisationId} />
      <DataTable
        testId="audit-table"
        columns={columns}
        rows={trail.rows}
        rowKey={(entry) => entry.seq}
        total={trail.total}
        loading={trail.query.isPending}
        refreshing={trail.query.isPlaceholderData}
        sort={sort}
        onSortChange={setSort}
        hasMore={trail.query.hasNextPage}
        loadingMore={trail.query.isFetchingNextPage}
        onLoadMore={() => void trail.query.fetchNextPage()}
        moreLabel={(shown, total) => t('audit.more', { shown, total })}
        emptyText={action || actorUserId ? t('list.audit.empty') : t('audit.empty')}
        filters={
          <>
            <Select
              label={t('list.audit.action')}
              placeholder={t('list.audit.actionPlaceholder')}
              data={actions.map((key) => ({ value: key, label: t(`audit.action.${key}`) }))}
              value={action}
              onChange={setAction}
              clearable
              searchable
              w={{ base: '100%', xs: 260 }}
            />
            <Select
              label={t('list.audit.actor')}
              placeholder={t('list.audit.actorPlaceholder')}
              data={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
              value={actorUserId}
              onChange={setActorUserId}
              clearable
              searchable
              w={{ base: '100%', xs: 260 }}
            />
          </>
        }
      />
      <Text size="xs" c="dimmed">
        {t('audit.chain')}
      </Text>
    </Stack>
  );
}

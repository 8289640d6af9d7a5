import { Alert, Badge, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { outboxKinds } from '../../../domain/mail/outbox-list.ts';
import { DataTable, useListSort, type DataTableColumn } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useOutbox, type OutboxMail } from './outbox.api.ts';

function deliveryBadge(mail: OutboxMail, t: (key: string) => string) {
  if (mail.error) return <Badge color="red" variant="light">{t('outbox.failed')}</Badge>;
  if (mail.sentAt) return <Badge color="teal" variant="light">{t('outbox.sent')}</Badge>;
  if (mail.delivery === 'smtp') return <Badge color="yellow" variant="light">{t('outbox.pending')}</Badge>;
  return <Badge color="gray" variant="light">{t('outbox.notSent')}</Badge>;
}

export function OutboxPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const [sort, setSort] = useListSort<string>({ sort: 'createdAt', order: 'desc' });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [kind, setKind] = useState<string | null>(null);
  const outbox = useOutbox(organisationId, sort, { q, kind: kind ?? undefined });

  if (outbox.query.error) return <ErrorAlert error={outbox.query.error} />;

  const columns: DataTableColumn<OutboxMail>[] = [
    {
      key: 'subject',
      header: t('list.outbox.subject'),
      sortKey: 'subject',
      render: (mail) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={500} size="sm" style={{ wordBreak: 'break-word' }}>
            {mail.subject}
          </Text>
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {t('outbox.to', { recipient: mail.recipient })}
          </Text>
        </Stack>
      ),
    },
    { key: 'recipient', header: t('list.outbox.recipient'), sortKey: 'recipient', visibleFrom: 'sm', render: (mail) => <Text size="sm">{mail.recipient}</Text> },
    {
      key: 'kind',
      header: t('list.outbox.kind'),
      visibleFrom: 'md',
      width: 150,
      render: (mail) => (
        <Badge variant="outline" color="gray">
          {t(`outbox.kind.${mail.kind}`, { defaultValue: mail.kind })}
        </Badge>
      ),
    },
    { key: 'createdAt', header: t('list.outbox.sentAt'), sortKey: 'createdAt', width: 170, render: (mail) => <Text size="sm">{formatDateTime(mail.createdAt)}</Text> },
    { key: 'status', header: t('list.outbox.status'), width: 180, render: (mail) => deliveryBadge(mail, t) },
  ];

  return (
    <Stack gap="lg">
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      {outbox.first && (
        <Alert variant="light" color={outbox.first.smtp ? 'teal' : 'blue'}>
          {outbox.first.smtp ? t('outbox.smtpOn') : t('outbox.smtpOff')}
        </Alert>
      )}
      <DataTable
        testId="outbox-list"
        columns={columns}
        rows={outbox.rows}
        rowKey={(mail) => mail.id}
        total={outbox.total}
        loading={outbox.query.isPending}
        refreshing={outbox.query.isPlaceholderData}
        sort={sort}
        onSortChange={setSort}
        hasMore={outbox.query.hasNextPage}
        loadingMore={outbox.query.isFetchingNextPage}
        onLoadMore={() => void outbox.query.fetchNextPage()}
        moreLabel={(shown, total) => t('outbox.more', { shown, total })}
        emptyText={q || kind ? t('list.outbox.empty') : t('outbox.empty')}
        minWidth={560}
        renderExpanded={(mail) => (
          <Stack gap="sm">
            {mail.error && (
              <Alert color="red" variant="light">
                {mail.error}
              </Alert>
            )}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} ff="monospace">
              {mail.bodyText}
            </Text>
          </Stack>
        )}
        filters={
          <>
            <TextInput
              label={t('list.search')}
              placeholder={t('list.outbox.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              maxLength={200}
              w={{ base: '100%', xs: 280 }}
            />
            <Select
              label={t('list.outbox.kind')}
              placeholder={t('list.outbox.kindPlaceholder')}
              data={outboxKinds.map((value) => ({ value, label: t(`outbox.kind.${value}`, { defaultValue: value }) }))}
              value={kind}
              onChange={setKind}
              clearable
              w={{ base: '100%', xs: 220 }}
            />
          </>
        }
      />
    </Stack>
  );
}

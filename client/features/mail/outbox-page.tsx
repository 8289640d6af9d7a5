import { Alert, Badge, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { outboxKinds } from '../../../domain/mail/outbox-list.ts';
import { DataTable, type DataTableColumn, useListSort } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type OutboxMail, useOutbox } from './outbox.api.ts';

const badges: Record<OutboxMail['status'], { color: string; label: string }> = {
  sent: { color: 'teal', label: 'outbox.sent' },
  failed: { color: 'red', label: 'outbox.failed' },
  retrying: { color: 'orange', label: 'outbox.retrying' },
  pending: { color: 'yellow', label: 'outbox.pending' },
  outbox: { color: 'gray', label: 'outbox.notSent' },
};

function deliveryBadge(mail: OutboxMail, t: (key: string) => string) {
  const badge = badges[mail.status];
  return (
    // Normal case and a label that may wrap: "Nur im Postausgang" must not be cut in its column.
    <Badge
      color={badge.color}
      variant="light"
      tt="none"
      h="auto"
      styles={{ label: { whiteSpace: 'normal' } }}
      data-testid="mail-status"
      data-status={mail.status}
    >
      {t(badge.label)}
    </Badge>
  );
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
    {
      key: 'recipient',
      header: t('list.outbox.recipient'),
      sortKey: 'recipient',
      visibleFrom: 'sm',
      render: (mail) => <Text size="sm">{mail.recipient}</Text>,
    },
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
    {
      key: 'createdAt',
      header: t('list.outbox.sentAt'),
      sortKey: 'createdAt',
      width: 170,
      render: (mail) => <Text size="sm">{formatDateTime(mail.createdAt)}</Text>,
    },
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
      {outbox.first && outbox.first.failedJobs.length > 0 && (
        <Alert variant="light" color="red" title={t('outbox.jobsFailedTitle')} data-testid="failed-jobs">
          <Text size="sm" mb="xs">
            {t('outbox.jobsFailed', { max: outbox.first.maxJobAttempts })}
          </Text>
          {outbox.first.failedJobs.map((job) => (
            <Text key={job.id} size="sm">
              {t('outbox.jobFailed', {
                kind: t(`outbox.jobKind.${job.kind}`, { defaultValue: job.kind }),
                at: formatDateTime(job.failedAt),
                error: job.lastError ?? '–',
              })}
            </Text>
          ))}
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
              <Alert color={mail.status === 'failed' ? 'red' : 'orange'} variant="light">
                <Text size="sm" fw={500}>
                  {mail.status === 'failed'
                    ? t('outbox.failedAfter', { attempts: mail.attempts })
                    : t('outbox.retryAt', { attempts: mail.attempts, max: outbox.first?.maxAttempts ?? mail.attempts, at: formatDateTime(mail.nextAttemptAt) })}
                </Text>
                <Text size="xs">{mail.error}</Text>
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

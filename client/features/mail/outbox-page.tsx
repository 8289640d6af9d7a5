import { Accordion, Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useOutbox, type OutboxMail } from './outbox.api.ts';

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
    <Badge color={badge.color} variant="light" data-testid="mail-status" data-status={mail.status}>
      {t(badge.label)}
    </Badge>
  );
}

export function OutboxPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const outbox = useOutbox(organisationId);

  if (outbox.isPending) return <PageLoader />;
  if (outbox.error) return <ErrorAlert error={outbox.error} />;
  const { smtp, total, maxAttempts, failedJobs, maxJobAttempts } = outbox.data.pages[0]!;
  const mails = outbox.data.pages.flatMap((page) => page.mails);

  return (
    <Stack gap="lg">
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <Alert variant="light" color={smtp ? 'teal' : 'blue'}>
        {smtp ? t('outbox.smtpOn') : t('outbox.smtpOff')}
      </Alert>
      {failedJobs.length > 0 && (
        <Alert variant="light" color="red" title={t('outbox.jobsFailedTitle')} data-testid="failed-jobs">
          <Text size="sm" mb="xs">
            {t('outbox.jobsFailed', { max: maxJobAttempts })}
          </Text>
          {failedJobs.map((job) => (
            <Text key={job.id} size="sm">
              {t('outbox.jobFailed', { kind: t(`outbox.jobKind.${job.kind}`, { defaultValue: job.kind }), at: formatDateTime(job.failedAt), error: job.lastError ?? '–' })}
            </Text>
          ))}
        </Alert>
      )}
      {mails.length === 0 ? (
        <Text c="dimmed">{t('outbox.empty')}</Text>
      ) : (
        <Card withBorder padding={0}>
          <Accordion variant="default" chevronPosition="right" data-testid="outbox-list">
            {mails.map((mail) => (
              <Accordion.Item key={mail.id} value={mail.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="wrap" gap="xs" pr="sm">
                    <Stack gap={0} style={{ minWidth: 0, flex: '1 1 260px' }}>
                      <Text fw={500} size="sm" truncate="end">
                        {mail.subject}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('outbox.to', { recipient: mail.recipient })} · {formatDateTime(mail.createdAt)}
                      </Text>
                    </Stack>
                    <Group gap="xs">
                      <Badge variant="outline" color="gray">
                        {t(`outbox.kind.${mail.kind}`, { defaultValue: mail.kind })}
                      </Badge>
                      {deliveryBadge(mail, t)}
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {mail.error && (
                    <Alert color={mail.status === 'failed' ? 'red' : 'orange'} variant="light" mb="sm">
                      <Text size="sm" fw={500}>
                        {mail.status === 'failed'
                          ? t('outbox.failedAfter', { attempts: mail.attempts })
                          : t('outbox.retryAt', { attempts: mail.attempts, max: maxAttempts, at: formatDateTime(mail.nextAttemptAt) })}
                      </Text>
                      <Text size="xs">{mail.error}</Text>
                    </Alert>
                  )}
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} ff="monospace">
                    {mail.bodyText}
                  </Text>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Card>
      )}
      {outbox.hasNextPage && (
        <Group>
          <Button variant="default" loading={outbox.isFetchingNextPage} onClick={() => void outbox.fetchNextPage()}>
            {t('outbox.more', { shown: mails.length, total })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

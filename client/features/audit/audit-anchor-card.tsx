import { Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditAnchor } from '../../../domain/audit/audit-anchor.ts';
import { get } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';

/**
 * "Prüfanker": the head of the organisation's audit chain, to be printed or kept outside the practice, so that a
 * rewritten or deleted trail can be shown later with `praxisschild verify-audit --anchor`. Only management, admins and
 * the auditor get the anchor; for everyone else the box stays away.
 */
export function AuditAnchorCard({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const anchor = useQuery({
    queryKey: ['audit', organisationId, 'anchor'],
    queryFn: () => get<AuditAnchor>(`/api/v1/organisations/${organisationId}/audit/anchor`),
    retry: false,
  });
  const head = anchor.data?.organisations[0];
  if (!anchor.data || !head) return null;
  return (
    <Card withBorder data-testid="audit-anchor">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            {t('audit.anchor.title')}
          </Title>
          <CopyButton value={JSON.stringify(anchor.data, null, 2)}>
            {({ copied, copy }) => (
              <Button size="xs" variant={copied ? 'filled' : 'default'} color={copied ? 'green' : undefined} onClick={copy} data-testid="audit-anchor-copy">
                {copied ? t('common.copied') : t('audit.anchor.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        {head.entries === 0 ? (
          <Text size="sm">{t('audit.anchor.empty')}</Text>
        ) : (
          <>
            <Text size="sm">{t('audit.anchor.summary', { date: formatDateTime(head.lastEntryAt), count: head.entries, seq: head.seq })}</Text>
            <Text size="xs" c="dimmed">
              {t('audit.anchor.hash')}
            </Text>
            <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="audit-anchor-hash">
              {head.hash}
            </Code>
          </>
        )}
        <Text size="sm" c="dimmed">
          {t('audit.anchor.advice')}
        </Text>
      </Stack>
    </Card>
  );
}

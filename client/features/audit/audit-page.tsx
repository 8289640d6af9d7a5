import { Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useMembers } from '../users/users.api.ts';
import { useAuditTrail, type AuditEntry } from './audit.api.ts';
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

export function AuditPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const trail = useAuditTrail(organisationId);
  const members = useMembers(organisationId);

  if (trail.isPending) return <PageLoader />;
  if (trail.error) return <ErrorAlert error={trail.error} />;
  const names = new Map(members.data?.map((m) => [m.userId, m.name]) ?? []);
  const entries = trail.data.pages.flatMap((p) => p.items);
  const total = trail.data.pages[0]!.total;

  return (
    <Stack gap="lg">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <AuditAnchorCard organisationId={organisationId} />
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" horizontalSpacing="md" striped data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>#</Table.Th>
                <Table.Th w={170}>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.who')}</Table.Th>
                <Table.Th>{t('audit.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.seq}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {entry.seq}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(entry.at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {entry.actorUserId ? (names.get(entry.actorUserId) ?? t('audit.formerMember')) : t('audit.system')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {t(`audit.action.${entry.action}`, { defaultValue: entry.action })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {describe(entry, t, names)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {entries.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      <Group>
        {trail.hasNextPage && (
          <Button variant="default" loading={trail.isFetchingNextPage} onClick={() => void trail.fetchNextPage()}>
            {t('audit.more', { shown: entries.length, total: total ?? '?' })}
          </Button>
        )}
        <Text size="xs" c="dimmed">
          {t('audit.chain')}
        </Text>
      </Group>
    </Stack>
  );
}

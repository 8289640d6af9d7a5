import { Card, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import type { HistoryEntry } from './applicability.api.ts';

/** The last checks, newest first: when, which kind, and the result in brief. */
export function CheckHistory({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('applicability.history.title')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs" striped data-testid="check-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('applicability.history.date')}</Table.Th>
              <Table.Th>{t('applicability.history.kind')}</Table.Th>
              <Table.Th>{t('applicability.history.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{formatDateTime(entry.checkedAt)}</Table.Td>
                <Table.Td>
                  {entry.kind === 'nis2' ? t('applicability.history.nis2', { year: entry.financialYear ?? '–' }) : t('applicability.history.kbv')}
                </Table.Td>
                <Table.Td>
                  {entry.kind === 'nis2'
                    ? t(`nis2Category.${entry.summary.category ?? 'not_affected'}`)
                    : `${t(`practiceSize.${entry.summary.size ?? 'small'}`)} · ${t('applicability.result.annexes', { annexes: (entry.summary.annexes ?? []).join(', ') })}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

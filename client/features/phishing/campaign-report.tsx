import { Alert, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { NamedModeBanner } from './named-mode-banner.tsx';
import { type CampaignReport as Report, useCampaignReport } from './phishing.api.ts';
import { percent } from './phishing-texts.ts';

const measures = ['opened', 'clicked', 'submitted', 'reported'] as const;

/**
 * The aggregate report: totals with their rates, then the groups the server may show (at least five recipients each;
 * smaller ones together as "Weitere"), per person only in named mode while the campaign runs.
 */
export function CampaignReport({ organisationId, campaignId }: { organisationId: string; campaignId: string }) {
  const { t } = useTranslation();
  const report = useCampaignReport(organisationId, campaignId, true);
  if (report.isPending) return <PageLoader />;
  if (report.error) return <ErrorAlert error={report.error} />;
  const r = report.data;
  const { totals } = r;
  return (
    <Stack gap="lg" data-testid="phishing-report">
      {r.namedAgreement && <NamedModeBanner agreement={r.namedAgreement} />}
      <Card withBorder padding="lg">
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('phishing.report.title')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
            {measures.map((m) => (
              <Stat key={m} label={t(`phishing.result.${m}`)} count={totals[m]} rate={percent(totals[m], totals.sent)} testId={`phishing-total-${m}`} />
            ))}
            <Stat
              label={t('phishing.result.trainingCompleted')}
              count={totals.trainingCompleted}
              rate={percent(totals.trainingCompleted, totals.clicked)}
              testId="phishing-total-training"
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('phishing.report.ratesOf', { sent: totals.sent, recipients: totals.recipients })}
          </Text>
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('phishing.report.groupsTitle', { by: t(`phishing.groupBy.${r.groupBy}`) })}
          </Title>
          <Alert color="gray" variant="light" p="sm" title={t('phishing.report.anonymityTitle', { min: r.minimumGroupSize })}>
            <Text size="sm">{t('phishing.report.anonymityText', { min: r.minimumGroupSize })}</Text>
          </Alert>
          {r.groups.length === 0 ? (
            <Text size="sm" data-testid="phishing-no-groups">
              {t('phishing.report.noGroups', { min: r.minimumGroupSize })}
            </Text>
          ) : (
            <GroupTable report={r} />
          )}
        </Stack>
      </Card>

      {r.people && <PeopleTable people={r.people} />}
      {r.status === 'closed' && (
        <Alert color="gray" variant="light">
          {t('phishing.report.closedNote', { at: formatDateTime(r.closedAt) })}
        </Alert>
      )}
    </Stack>
  );
}

function Stat({ label, count, rate, testId }: { label: string; count: number; rate: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Group gap={6} align="baseline">
        <Text fw={700} size="xl">
          {rate}
        </Text>
        <Text size="sm" c="dimmed">
          ({count})
        </Text>
      </Group>
    </Paper>
  );
}

function GroupTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const labelOf = (g: Report['groups'][number]) =>
    g.kind === 'other' ? t('phishing.report.other', { count: g.mergedGroups }) : g.kind === 'role' ? t(`staff.role.${g.key}`) : (g.label ?? '–');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="phishing-groups">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`phishing.groupBy.${report.groupBy}`)}</Table.Th>
            <Table.Th ta="right">{t('phishing.field.recipients')}</Table.Th>
            {measures.map((m) => (
              <Table.Th key={m} ta="right">
                {t(`phishing.result.${m}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.groups.map((g) => (
            <Table.Tr key={`${g.kind}-${g.key ?? 'other'}`}>
              <Table.Td>{labelOf(g)}</Table.Td>
              <Table.Td ta="right">{g.recipients}</Table.Td>
              {measures.map((m) => (
                <Table.Td key={m} ta="right">
                  {percent(g[m], g.sent)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PeopleTable({ people }: { people: NonNullable<Report['people']> }) {
  const { t } = useTranslation();
  const when = (value: string | null) => (value ? formatDateTime(value) : '–');
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('phishing.report.peopleTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('phishing.report.peopleHint')}
        </Text>
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="phishing-people">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('phishing.report.person')}</Table.Th>
                <Table.Th>{t('phishing.result.opened')}</Table.Th>
                <Table.Th>{t('phishing.result.clicked')}</Table.Th>
                <Table.Th>{t('phishing.result.submitted')}</Table.Th>
                <Table.Th>{t('phishing.result.reported')}</Table.Th>
                <Table.Th>{t('phishing.result.trainingCompleted')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p, index) => (
                <Table.Tr key={p.personId ?? index}>
                  <Table.Td>
                    {p.name ?? '–'}
                    {p.role && (
                      <Text size="xs" c="dimmed">
                        {t(`staff.role.${p.role}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{when(p.openedAt)}</Table.Td>
                  <Table.Td>{when(p.clickedAt)}</Table.Td>
                  <Table.Td>{when(p.submittedAt)}</Table.Td>
                  <Table.Td>{when(p.reportedAt)}</Table.Td>
                  <Table.Td>{when(p.trainingCompletedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}

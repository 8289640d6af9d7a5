import { Anchor, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { isUrgent } from './berlin-time.ts';
import { formatBerlinTime, incidentPermissions, ReportIncidentButton, SignificanceBadge, useNow, useRemainingText } from './incident-parts.tsx';
import { type IncidentSummary, useIncidents } from './incidents.api.ts';

export function IncidentListPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const incidents = useIncidents(organisationId);
  const organisation = useOrganisation(organisationId);
  const can = incidentPermissions(organisation.data?.me);

  return (
    <Stack gap="lg">
      {/* The red "Vorfall melden" sits in the header on every page; on a phone the header has no room, so it shows here. */}
      <PageHeader
        title={t('incidents.title')}
        description={t('incidents.description')}
        actions={can.report && <ReportIncidentButton organisationId={organisationId} hiddenFrom="sm" />}
      />
      {incidents.isPending ? (
        <PageLoader />
      ) : incidents.error ? (
        <ErrorAlert error={incidents.error} />
      ) : incidents.data.pages[0]!.items.length === 0 ? (
        <Card withBorder padding="lg">
          <Text fw={600}>{t('incidents.emptyTitle')}</Text>
          <Text c="dimmed" size="sm" mt={4}>
            {t('incidents.empty')}
          </Text>
          {can.report && (
            <Group mt="md">
              <ReportIncidentButton organisationId={organisationId} />
            </Group>
          )}
        </Card>
      ) : (
        <>
          <IncidentTable organisationId={organisationId} incidents={incidents.data.pages.flatMap((p) => p.items)} />
          {incidents.hasNextPage && (
            <Group>
              <Button variant="default" loading={incidents.isFetchingNextPage} onClick={() => void incidents.fetchNextPage()} data-testid="incidents-more">
                {t('incidents.more', { shown: incidents.data.pages.reduce((n, p) => n + p.items.length, 0), total: incidents.data.pages[0]!.total ?? '?' })}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

/** Before the assessment no clock runs on the server; the early warning would be due 24 hours after noticing. */
const earlyWarningIfSignificant = (noticedAt: string) => new Date(Date.parse(noticedAt) + 24 * 3_600_000).toISOString();

function IncidentTable({ organisationId, incidents }: { organisationId: string; incidents: IncidentSummary[] }) {
  const { t } = useTranslation();
  const now = useNow();
  const remaining = useRemainingText();
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="incident-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>{t('incidents.number')}</Table.Th>
              <Table.Th>{t('incidents.incident')}</Table.Th>
              <Table.Th w={215}>{t('incidents.assessment')}</Table.Th>
              <Table.Th w={230}>{t('incidents.nextDeadline')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incidents.map((incident) => {
              const next = incident.next;
              const urgent = next ? isUrgent(next.due, now) : false;
              return (
                <Table.Tr key={incident.id} data-testid={`incident-row-${incident.number}`}>
                  <Table.Td fw={600}>{incident.number}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${organisationId}/incidents/${incident.id}`} fw={600}>
                      {incident.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t('incidents.noticedAtShort', { at: formatBerlinTime(incident.noticedAt) })}
                    </Text>
                    {incident.patientDataInvolved && (
                      <Badge color="grape" variant="light" size="sm" mt={4}>
                        {t('incidents.patientDataBadge')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <SignificanceBadge significant={incident.significant} />
                  </Table.Td>
                  <Table.Td>
                    {next ? (
                      <Stack gap={0}>
                        <Text size="sm" fw={500}>
                          {t(`incidents.kind.${next.kind}`)}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {t('incidents.dueBy', { at: formatBerlinTime(next.due) })}
                        </Text>
                        <Text size="sm" fw={700} c={urgent ? 'red.7' : 'dark'} data-testid="next-remaining">
                          {remaining(next.due, now)}
                        </Text>
                      </Stack>
                    ) : incident.handlingCompletedAt ? (
                      <Text size="sm" c="dimmed">
                        {t('incidents.handlingDone')}
                      </Text>
                    ) : incident.significant === null ? (
                      <Stack gap={0}>
                        <Text size="sm" fw={500} c="orange.8">
                          {t('incidents.assessFirst')}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {t('incidents.ifSignificant', { at: formatBerlinTime(earlyWarningIfSignificant(incident.noticedAt)) })}
                        </Text>
                        <Text size="sm" fw={700} c={isUrgent(earlyWarningIfSignificant(incident.noticedAt), now) ? 'red.7' : 'dark'}>
                          {remaining(earlyWarningIfSignificant(incident.noticedAt), now)}
                        </Text>
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('incidents.nothingDue')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

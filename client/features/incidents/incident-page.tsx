import { Accordion, Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IncidentReportKind } from '../../../domain/incidents/incident.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { CompleteHandlingModal } from './complete-handling-modal.tsx';
import { EscalationChecklist } from './escalation-checklist.tsx';
import { NotAssessed, Reasons } from './incident-assessment.tsx';
import { IncidentClocks } from './incident-clocks-card.tsx';
import { formatBerlinTime, incidentPermissions, SignificanceBadge } from './incident-parts.tsx';
import { IncidentTimeline } from './incident-timeline.tsx';
import { type DraftKind, useIncident } from './incidents.api.ts';
import { IntermediateReports } from './intermediate-reports.tsx';
import { DraftModal, RecordSubmissionModal } from './report-dialogs.tsx';

/** One incident: what happened, the running clocks, the BSI's requests, who must know, and the timeline. */
export function IncidentPage() {
  const { t } = useTranslation();
  const { organisationId = '', incidentId = '' } = useParams();
  const incident = useIncident(organisationId, incidentId);
  const organisation = useOrganisation(organisationId);
  const [draft, setDraft] = useState<DraftKind | null>(null);
  const [recording, setRecording] = useState<IncidentReportKind | null>(null);
  const [completing, setCompleting] = useState(false);

  if (incident.isPending || organisation.isPending) return <PageLoader />;
  if (incident.error) return <ErrorAlert error={incident.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const data = incident.data;
  const can = incidentPermissions(organisation.data.me);
  const base = `/o/${organisationId}/incidents`;
  const locationNames = organisation.data.locations.filter((l) => data.locationIds.includes(l.id)).map((l) => l.name);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={base} size="sm">
        ← {t('incidents.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={6} style={{ flex: '1 1 360px' }}>
          <Title order={1} size="h2" data-testid="incident-title">
            {t('incidents.numbered', { number: data.number })} {data.title}
          </Title>
          <Group gap="xs">
            <SignificanceBadge significant={data.significant} size="lg" />
            {data.patientDataInvolved && (
              <Badge color="grape" variant="light" size="lg">
                {t('incidents.patientDataBadge')}
              </Badge>
            )}
            {data.handlingCompletedAt && (
              <Badge color="teal" variant="light" size="lg">
                {t('incidents.handlingDone')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('incidents.noticedAtLong', { at: formatBerlinTime(data.noticedAt) })}
            {locationNames.length > 0 && ` · ${locationNames.join(', ')}`}
            {` · ${t(`incidents.origin.${data.suspectedOrigin}`)}`}
            {data.systems && ` · ${data.systems}`}
            {data.handlingCompletedAt && ` · ${t('incidents.handlingDoneAt', { at: formatBerlinTime(data.handlingCompletedAt) })}`}
          </Text>
        </Stack>
        {can.handle && (
          <Group gap="sm">
            <Button
              component={Link}
              to={`${base}/${data.id}/assessment`}
              variant={data.significant === null ? 'filled' : 'default'}
              color={data.significant === null ? 'orange' : undefined}
            >
              {data.significant === null ? t('incidents.assessNow') : t('incidents.reassess')}
            </Button>
            {!data.handlingCompletedAt && (
              <Button variant="default" onClick={() => setCompleting(true)} data-testid="complete-handling">
                {t('incidents.complete.button')}
              </Button>
            )}
          </Group>
        )}
      </Group>

      {data.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {data.description}
        </Text>
      )}

      {data.significant === null && <NotAssessed incident={data} canAssess={can.handle} base={base} />}
      <IncidentClocks incident={data} canHandle={can.handle} onDraft={setDraft} onRecord={setRecording} />
      <IntermediateReports organisationId={organisationId} incident={data} canHandle={can.handle} onDraft={() => setDraft('intermediate_report')} />

      {data.clocks.categoryAssumed && data.significant === true && (
        <Alert color="yellow" variant="light" data-testid="category-assumed">
          {t('incidents.categoryAssumed')}{' '}
          <Anchor component={Link} to={`/o/${organisationId}/applicability`} size="sm">
            {t('incidents.categoryAssumedLink')}
          </Anchor>
        </Alert>
      )}

      {data.assessment && (
        <Card withBorder padding="lg" data-testid="assessment-result">
          <Stack gap="xs">
            <Group gap="sm">
              <Title order={2} size="h4">
                {t('incidents.assessmentResult')}
              </Title>
              <SignificanceBadge significant={data.assessment.significant} />
            </Group>
            <Reasons items={data.assessment.reasons} />
          </Stack>
        </Card>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <EscalationChecklist organisationId={organisationId} incident={data} canTick={can.handle} />
        <IncidentTimeline incident={data} organisationId={organisationId} canAdd={can.handle} />
      </SimpleGrid>

      {data.clocks.explanations.length > 0 && (
        <Accordion variant="contained" bg="white">
          <Accordion.Item value="why">
            <Accordion.Control>{t('incidents.howCounted')}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <Reasons items={data.clocks.explanations} />
                <Group gap="md">
                  {data.clocks.legalBasis.map((source) => (
                    <Anchor key={source.citation} href={source.url} target="_blank" rel="noreferrer" size="sm">
                      {source.citation}
                    </Anchor>
                  ))}
                </Group>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}

      <DraftModal organisationId={organisationId} incidentId={data.id} kind={draft} onClose={() => setDraft(null)} />
      <RecordSubmissionModal organisationId={organisationId} incidentId={data.id} kind={recording} onClose={() => setRecording(null)} />
      <CompleteHandlingModal organisationId={organisationId} incidentId={data.id} opened={completing} onClose={() => setCompleting(false)} />
    </Stack>
  );
}

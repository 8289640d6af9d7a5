import { Badge, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openIntermediateRequests } from '../../../domain/incidents/intermediate.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { BerlinDateTimeInputs, formatBerlinTime, useNow, useRemainingText } from './incident-parts.tsx';
import { type IncidentDetail, useRecordIntermediateRequest, useRecordIntermediateSubmission } from './incidents.api.ts';
import {
  DUE_DEFAULT_TIME,
  pairInputs,
  type RequestValues,
  requestBody,
  requestFormSchema,
  requestInitialValues,
  type SubmissionValues,
  submissionBody,
  submissionFormSchema,
  submissionInitialValues,
} from './intermediate-form.ts';

type Request = IncidentDetail['intermediateRequests'][number];

/**
 * § 32 Abs. 1 Nr. 3 BSIG: the intermediate report is owed only when the BSI asks for it, by the date it sets. The card
 * records each request and its answer; an open dated request also counts as the incident's next deadline.
 */
export function IntermediateReports({
  organisationId,
  incident,
  canHandle,
  onDraft,
}: {
  organisationId: string;
  incident: IncidentDetail;
  canHandle: boolean;
  onDraft: () => void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const remaining = useRemainingText();
  const [recording, setRecording] = useState(false);
  const [answering, setAnswering] = useState<Request | null>(null);
  const requests = incident.intermediateRequests;
  if (!incident.clocks.bsig && requests.length === 0) return null;
  const open = new Set(openIntermediateRequests(requests, new Date(now)).map((r) => r.id));
  return (
    <Card withBorder padding="lg" data-testid="intermediate-reports">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4">
            {t('incidents.intermediate.title')}
          </Title>
          {canHandle && (
            <Button size="compact-sm" variant="light" onClick={() => setRecording(true)} data-testid="intermediate-request">
              {t('incidents.intermediate.record')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('incidents.intermediate.intro')}
        </Text>
        {requests.length === 0 && <Text size="sm">{t('incidents.intermediate.none')}</Text>}
        {requests.map((request) => (
          <Stack key={request.id} gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }} data-testid="intermediate-request-row">
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('incidents.intermediate.requestedAt', { at: formatBerlinTime(request.requestedAt) })}
              </Text>
              {open.has(request.id) ? (
                <Badge color="orange" variant="light">
                  {t('incidents.intermediate.open')}
                </Badge>
              ) : (
                <Badge color="teal" variant="light">
                  {t('incidents.clocks.done')}
                </Badge>
              )}
            </Group>
            <Text size="sm">
              {request.dueAt ? t('incidents.intermediate.dueAt', { at: formatBerlinTime(request.dueAt) }) : t('incidents.intermediate.noDueAt')}
              {request.dueAt && open.has(request.id) && ` · ${remaining(request.dueAt, now)}`}
              {request.reference && ` · ${t('incidents.clocks.reference', { reference: request.reference })}`}
            </Text>
            {request.submittedAt && (
              <Text size="sm" c="teal.8" data-testid="intermediate-submitted">
                {t('incidents.clocks.submittedAt', { at: formatBerlinTime(request.submittedAt) })}
                {request.submissionReference && ` · ${t('incidents.clocks.reference', { reference: request.submissionReference })}`}
              </Text>
            )}
            {canHandle && (
              <Group gap="xs">
                <Button size="compact-sm" variant="light" onClick={onDraft}>
                  {t('incidents.clocks.draft')}
                </Button>
                <Button
                  size="compact-sm"
                  variant={request.submittedAt ? 'subtle' : 'filled'}
                  onClick={() => setAnswering(request)}
                  data-testid="intermediate-submit"
                >
                  {request.submittedAt ? t('incidents.clocks.recordAgain') : t('incidents.clocks.record')}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
      </Stack>
      <Modal opened={recording} onClose={() => setRecording(false)} title={t('incidents.intermediate.recordTitle')}>
        {recording && <RequestForm organisationId={organisationId} incidentId={incident.id} onDone={() => setRecording(false)} />}
      </Modal>
      <Modal
        opened={answering !== null}
        onClose={() => setAnswering(null)}
        title={t('incidents.submit.title', { report: t('incidents.kind.intermediate_report') })}
      >
        {answering && <SubmissionForm organisationId={organisationId} incidentId={incident.id} request={answering} onDone={() => setAnswering(null)} />}
      </Modal>
    </Card>
  );
}

function RequestForm({ organisationId, incidentId, onDone }: { organisationId: string; incidentId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordIntermediateRequest(organisationId, incidentId);
  const schemaForm = useSchemaForm<RequestValues>({ schema: requestFormSchema, initialValues: requestInitialValues(), toInput: requestBody });
  const { form } = schemaForm;
  // The server answers "before the incident was noticed" at requestedAt; like every 400 it lands at its field.
  const submit = schemaForm.onSubmit((values) => record.mutate(requestBody(values), { onSuccess: onDone, onError: schemaForm.showError }));
  return (
    <form onSubmit={submit} noValidate data-testid="intermediate-request-form">
      <Stack gap="md">
        <Text size="sm">{t('incidents.intermediate.recordIntro')}</Text>
        <BerlinDateTimeInputs
          {...pairInputs(schemaForm, 'requested', 'requestedAt')}
          dateLabel={t('incidents.intermediate.requestedDate')}
          timeLabel={t('incidents.submit.time')}
          testId="intermediate-requested"
        />
        <BerlinDateTimeInputs
          {...pairInputs(schemaForm, 'due', 'dueAt', DUE_DEFAULT_TIME)}
          dateLabel={t('incidents.intermediate.dueDate')}
          timeLabel={t('incidents.submit.time')}
          optional
          testId="intermediate-due"
        />
        <TextInput label={t('incidents.intermediate.reference')} maxLength={200} {...form.getInputProps('reference')} />
        <FormProblems form={schemaForm} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('incidents.intermediate.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SubmissionForm({ organisationId, incidentId, request, onDone }: { organisationId: string; incidentId: string; request: Request; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordIntermediateSubmission(organisationId, incidentId);
  const schemaForm = useSchemaForm<SubmissionValues>({
    schema: submissionFormSchema,
    initialValues: submissionInitialValues(request.submittedAt, request.submissionReference),
    toInput: submissionBody,
  });
  const { form } = schemaForm;
  // "Before the request arrived" comes from the server at submittedAt.
  const submit = schemaForm.onSubmit((values) =>
    record.mutate({ requestId: request.id, ...submissionBody(values) }, { onSuccess: onDone, onError: schemaForm.showError }),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="intermediate-submission-form">
      <Stack gap="md">
        <Text size="sm">{t('incidents.submit.intro')}</Text>
        <BerlinDateTimeInputs
          {...pairInputs(schemaForm, 'submitted', 'submittedAt')}
          dateLabel={t('incidents.submit.date')}
          timeLabel={t('incidents.submit.time')}
          testId="intermediate-submitted-at"
        />
        <TextInput
          label={t('incidents.submit.reference')}
          description={t('incidents.submit.referenceHint')}
          maxLength={200}
          {...form.getInputProps('reference')}
        />
        <FormProblems form={schemaForm} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('incidents.submit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Badge, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openIntermediateRequests } from '../../../domain/incidents/intermediate.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { fieldErrors } from '../../lib/form-errors.ts';
import { berlinInstant, berlinParts, isInFuture } from './berlin-time.ts';
import { BerlinDateTimeInputs, formatBerlinTime, useNow, useRemainingText } from './incident-parts.tsx';
import { type IncidentDetail, useRecordIntermediateRequest, useRecordIntermediateSubmission } from './incidents.api.ts';
import { isBeforeNoticed } from './report-dialogs.tsx';

type Request = IncidentDetail['intermediateRequests'][number];

const isBeforeRequested = (error: unknown) => isApiError(error) && error.issues.some((issue) => issue.code === 'before_requested_at');

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
  const [requested, setRequested] = useState(berlinParts);
  const [due, setDue] = useState({ date: '', time: '' });
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<{ requestedAt?: string | null; dueAt?: string | null; rest: string[] }>({ rest: [] });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const requestedAt = berlinInstant(requested.date, requested.time);
    const hasDue = Boolean(due.date.trim() || due.time.trim());
    const dueAt = hasDue ? berlinInstant(due.date, due.time || '23:59') : null;
    if (!requestedAt) return setErrors({ requestedAt: t('incidents.submit.whenRequired'), rest: [] });
    if (isInFuture(requestedAt)) return setErrors({ requestedAt: t('incidents.submit.inFuture'), rest: [] });
    if (hasDue && !dueAt) return setErrors({ dueAt: t('incidents.submit.whenRequired'), rest: [] });
    setErrors({ rest: [] });
    record.mutate(
      { requestedAt, dueAt: dueAt ?? undefined, reference: reference.trim() || undefined },
      {
        onSuccess: onDone,
        onError: (failure) => {
          const { fields, rest } = fieldErrors(t, failure, { requestedAt: '', dueAt: '', reference: '' });
          setErrors({
            requestedAt: isBeforeNoticed(failure) ? t('incidents.submit.beforeNoticed') : (fields.requestedAt ?? null),
            dueAt: isBeforeRequested(failure) ? t('incidents.intermediate.beforeRequested') : (fields.dueAt ?? null),
            rest: fields.reference ? [fields.reference, ...rest] : rest,
          });
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="intermediate-request-form">
      <Stack gap="md">
        <Text size="sm">{t('incidents.intermediate.recordIntro')}</Text>
        <BerlinDateTimeInputs
          date={requested.date}
          time={requested.time}
          onDate={(date) => setRequested((w) => ({ ...w, date }))}
          onTime={(time) => setRequested((w) => ({ ...w, time }))}
          dateLabel={t('incidents.intermediate.requestedDate')}
          timeLabel={t('incidents.submit.time')}
          error={errors.requestedAt}
        />
        <BerlinDateTimeInputs
          date={due.date}
          time={due.time}
          onDate={(date) => setDue((w) => ({ ...w, date }))}
          onTime={(time) => setDue((w) => ({ ...w, time }))}
          dateLabel={t('incidents.intermediate.dueDate')}
          timeLabel={t('incidents.submit.time')}
          error={errors.dueAt}
          optional
          testId="intermediate-due"
        />
        <TextInput label={t('incidents.intermediate.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} maxLength={200} />
        <ErrorAlert messages={errors.rest} />
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
  const [when, setWhen] = useState(() => berlinParts(request.submittedAt ?? new Date()));
  const [reference, setReference] = useState(request.submissionReference ?? '');
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    const submittedAt = berlinInstant(when.date, when.time);
    if (!submittedAt) return setError(t('incidents.submit.whenRequired'));
    if (isInFuture(submittedAt)) return setError(t('incidents.submit.inFuture'));
    setError(null);
    record.mutate(
      { requestId: request.id, submittedAt, reference: reference.trim() || undefined },
      {
        onSuccess: onDone,
        onError: (failure) => {
          const { fields, rest } = fieldErrors(t, failure, { submittedAt: '', reference: '' });
          setError(isBeforeRequested(failure) ? t('incidents.intermediate.beforeRequested') : (fields.submittedAt ?? null));
          setProblems(fields.reference ? [fields.reference, ...rest] : rest);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="intermediate-submission-form">
      <Stack gap="md">
        <Text size="sm">{t('incidents.submit.intro')}</Text>
        <BerlinDateTimeInputs
          date={when.date}
          time={when.time}
          onDate={(date) => setWhen((w) => ({ ...w, date }))}
          onTime={(time) => setWhen((w) => ({ ...w, time }))}
          dateLabel={t('incidents.submit.date')}
          timeLabel={t('incidents.submit.time')}
          error={error}
        />
        <TextInput
          label={t('incidents.submit.reference')}
          description={t('incidents.submit.referenceHint')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          maxLength={200}
        />
        <ErrorAlert messages={problems} />
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

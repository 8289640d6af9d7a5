import { Accordion, Alert, Anchor, Badge, Button, Card, Checkbox, Group, List, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Role } from '../../../domain/auth/roles.ts';
import type { IncidentReportKind } from '../../../domain/incidents/incident.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { fieldErrors } from '../../lib/form-errors.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { useMembers } from '../users/users.api.ts';
import { berlinInstant, berlinParts, isInFuture, isUrgent } from './berlin-time.ts';
import { draftKinds, useAddIncidentEvent, useCompleteHandling, useIncident, type DraftKind, type IncidentDetail } from './incidents.api.ts';
import { clocksOf, newestFirst } from './incident-clocks.ts';
import { BerlinDateTimeInputs, formatBerlinTime, incidentPermissions, SignificanceBadge, useNow, useRemainingText } from './incident-parts.tsx';
import { DraftModal, isBeforeNoticed, RecordSubmissionModal } from './report-dialogs.tsx';

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
            <Button component={Link} to={`${base}/${data.id}/assessment`} variant={data.significant === null ? 'filled' : 'default'} color={data.significant === null ? 'orange' : undefined}>
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
      <Clocks incident={data} canHandle={can.handle} onDraft={setDraft} onRecord={setRecording} />

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
        <Escalation organisationId={organisationId} incident={data} />
        <Timeline incident={data} organisationId={organisationId} canAdd={can.handle} />
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

function Reasons({ items }: { items: { code: string; de: string; en: string; legalBasis: string[] }[] }) {
  const locale = currentLocale();
  return (
    <List spacing={6} size="sm">
      {items.map((reason, i) => (
        <List.Item key={`${reason.code}-${i}`}>
          {reason[locale]}
          {reason.legalBasis.length > 0 && (
            <Text span size="xs" c="dimmed">
              {' '}({reason.legalBasis.join('; ')})
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

function NotAssessed({ incident, canAssess, base }: { incident: IncidentDetail; canAssess: boolean; base: string }) {
  const { t } = useTranslation();
  // Before the assessment no clock runs on the server; show the earliest one that would, so nobody waits too long.
  const earliest = new Date(new Date(incident.noticedAt).getTime() + 24 * 3_600_000).toISOString();
  return (
    <Alert color="orange" variant="light" title={t('incidents.notAssessedTitle')} data-testid="not-assessed">
      <Stack gap="xs">
        <Text size="sm">{t('incidents.notAssessed', { at: formatBerlinTime(earliest) })}</Text>
        {canAssess ? (
          <Group>
            <Button component={Link} to={`${base}/${incident.id}/assessment`} color="orange">
              {t('incidents.assessNow')}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t('incidents.assessByOthers')}</Text>
        )}
      </Stack>
    </Alert>
  );
}

function Clocks({
  incident,
  canHandle,
  onDraft,
  onRecord,
}: {
  incident: IncidentDetail;
  canHandle: boolean;
  onDraft: (kind: DraftKind) => void;
  onRecord: (kind: IncidentReportKind) => void;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const remaining = useRemainingText();
  const clocks = clocksOf(incident);
  const bsig = incident.clocks.bsig;
  if (incident.significant === null) return null;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('incidents.clocks.title')}
      </Title>
      {clocks.length === 0 ? (
        <Card withBorder padding="lg">
          <Text size="sm">{t('incidents.clocks.none')}</Text>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {clocks.map((clock) => {
            const isCurrent = incident.clocks.next?.kind === clock.kind;
            const done = clock.doneAt !== null;
            const urgent = !done && clock.due !== null && isUrgent(clock.due, now);
            const hasDraft = (draftKinds as readonly string[]).includes(clock.kind);
            return (
              <Card
                key={clock.kind}
                withBorder
                padding="md"
                data-testid={`clock-${clock.kind}`}
                data-current={isCurrent ? 'true' : 'false'}
                data-done={done ? 'true' : 'false'}
                style={{
                  borderWidth: isCurrent ? 3 : 1,
                  borderColor: isCurrent ? (urgent ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-blue-6)') : undefined,
                  background: done ? 'var(--mantine-color-gray-0)' : undefined,
                }}
              >
                <Stack gap={6} h="100%">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Text fw={700} lh={1.3}>
                      {t(`incidents.kind.${clock.kind}`)}
                    </Text>
                    {isCurrent && (
                      <Badge color={urgent ? 'red' : 'blue'} variant="filled" style={{ flexShrink: 0 }}>
                        {t('incidents.clocks.current')}
                      </Badge>
                    )}
                    {done && (
                      <ThemeIcon color="teal" radius="xl" size="md" aria-label={t('incidents.clocks.done')} style={{ flexShrink: 0 }}>
                        ✓
                      </ThemeIcon>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t(`incidents.kindHint.${clock.kind}`)}
                  </Text>
                  {done ? (
                    <Stack gap={2} mt="xs">
                      <Text size="sm" fw={600} c="teal.8">
                        {clock.coveredBy
                          ? t('incidents.clocks.coveredBy', { report: t(`incidents.kind.${clock.coveredBy}`), at: formatBerlinTime(clock.doneAt) })
                          : t('incidents.clocks.submittedAt', { at: formatBerlinTime(clock.doneAt) })}
                      </Text>
                      {clock.reference && (
                        <Text size="sm" data-testid="submission-reference">
                          {t('incidents.clocks.reference', { reference: clock.reference })}
                        </Text>
                      )}
                      {clock.due && (
                        <Text size="xs" c="dimmed">
                          {t('incidents.dueBy', { at: formatBerlinTime(clock.due) })}
                        </Text>
                      )}
                    </Stack>
                  ) : clock.due ? (
                    <Stack gap={0} mt="xs">
                      <Text size="sm">
                        {t('incidents.dueBy', { at: formatBerlinTime(clock.due) })}
                        {clock.provisional && ` (${t('incidents.clocks.provisional')})`}
                      </Text>
                      <Text fz={26} fw={800} lh={1.2} c={urgent ? 'red.7' : 'dark'} data-testid="countdown">
                        {remaining(clock.due, now)}
                      </Text>
                    </Stack>
                  ) : (
                    <Text size="sm" fw={600} mt="xs" c="red.7">
                      {t('incidents.clocks.withoutDelay')}
                    </Text>
                  )}
                  {canHandle && (
                    <Group gap="xs" mt="auto" pt="xs">
                      {hasDraft && (
                        <Button size="compact-sm" variant="light" onClick={() => onDraft(clock.kind as DraftKind)}>
                          {t('incidents.clocks.draft')}
                        </Button>
                      )}
                      <Button size="compact-sm" variant={done ? 'subtle' : 'filled'} onClick={() => onRecord(clock.kind)}>
                        {done ? t('incidents.clocks.recordAgain') : t('incidents.clocks.record')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      {bsig && !bsig.finalReportDue && (
        <Text size="sm" c="dimmed">
          {t('incidents.clocks.finalAfterHandling')}
        </Text>
      )}
    </Stack>
  );
}

const escalationSteps: { key: string; roles: Role[] }[] = [
  { key: 'itLead', roles: ['it_lead'] },
  { key: 'management', roles: ['management'] },
  { key: 'dpo', roles: ['data_protection_officer'] },
];

function Reach({ phone, email }: { phone: string; email: string }) {
  return (
    <>
      {phone && (
        <>
          {' · '}
          <Anchor href={`tel:${phone.replace(/[^\d+]/g, '')}`} size="sm">
            {phone}
          </Anchor>
        </>
      )}
      {email && (
        <>
          {' · '}
          <Anchor href={`mailto:${email}`} size="sm">
            {email}
          </Anchor>
        </>
      )}
    </>
  );
}

/**
 * The escalation chain as a checklist: the organisation's own chain when it has one (registration preparation),
 * otherwise the fixed one (IT lead → management, DPO in parallel) with the members holding those roles. The ticks stay
 * in this browser.
 */
function Escalation({ organisationId, incident }: { organisationId: string; incident: IncidentDetail }) {
  const { t } = useTranslation();
  const members = useMembers(organisationId);
  const own = (incident.escalation ?? []).filter((entry) => entry.role || entry.name);
  const storageKey = `praxisschild.escalation.${incident.id}`;
  const [ticked, setTicked] = useState<string[]>(() => {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? '[]') as string[];
    } catch {
      return [];
    }
  });
  const toggle = (key: string) => {
    const next = ticked.includes(key) ? ticked.filter((k) => k !== key) : [...ticked, key];
    setTicked(next);
    try {
      localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Without storage the ticks last as long as the page.
    }
  };
  return (
    <Card withBorder padding="lg" data-testid="escalation">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('incidents.escalation.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('incidents.escalation.intro')}
        </Text>
        {incident.contactPoint && (
          <Text size="sm" data-testid="contact-point">
            <Text span fw={600}>
              {t('incidents.escalation.contactPoint')}:
            </Text>{' '}
            {incident.contactPoint.name}
            <Reach phone={incident.contactPoint.phone} email={incident.contactPoint.email} />
          </Text>
        )}
        {own.map((entry, index) => (
          <Stack key={`own-${index}`} gap={2}>
            <Checkbox
              checked={ticked.includes(`own-${index}`)}
              onChange={() => toggle(`own-${index}`)}
              label={
                <Text size="sm" fw={600}>
                  {index + 1}. {entry.role || entry.name}
                </Text>
              }
            />
            <Text size="sm" pl={32}>
              {entry.role ? entry.name : ''}
              <Reach phone={entry.phone} email={entry.email} />
            </Text>
          </Stack>
        ))}
        {own.length === 0 && escalationSteps.map((step, index) => {
          const people = (members.data ?? []).filter((m) => step.roles.includes(m.role));
          return (
            <Stack key={step.key} gap={2}>
              <Checkbox
                checked={ticked.includes(step.key)}
                onChange={() => toggle(step.key)}
                label={
                  <Text size="sm" fw={600}>
                    {index + 1}. {t(`incidents.escalation.${step.key}`)}
                  </Text>
                }
                description={t(`incidents.escalation.${step.key}Hint`)}
              />
              <Stack gap={0} pl={32}>
                {members.isPending ? null : people.length === 0 ? (
                  <Text size="sm" c="orange.8">
                    {t('incidents.escalation.nobody')}
                  </Text>
                ) : (
                  people.map((person) => (
                    <Text size="sm" key={person.userId}>
                      {person.name} ·{' '}
                      <Anchor href={`mailto:${person.email}`} size="sm">
                        {person.email}
                      </Anchor>
                    </Text>
                  ))
                )}
              </Stack>
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}

const addableKinds = ['note', 'measure', 'contact'] as const;

function Timeline({ incident, organisationId, canAdd }: { incident: IncidentDetail; organisationId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const events = newestFirst(incident.events);
  const textOf = (event: IncidentDetail['events'][number]) => {
    switch (event.kind) {
      case 'assessed':
        return event.data.significant ? t('incidents.significance.significant') : t('incidents.significance.notSignificant');
      case 'submitted': {
        const report = t(`incidents.kind.${String(event.data.kind ?? event.text)}`);
        return event.data.reference ? `${report} · ${t('incidents.clocks.reference', { reference: String(event.data.reference) })}` : report;
      }
      case 'alert':
        return [event.data.source, event.data.severity && `(${String(event.data.severity)})`].filter(Boolean).join(' ') + `: ${event.text}`;
      case 'handling_completed':
        return '';
      default:
        return event.text;
    }
  };
  return (
    <Card withBorder padding="lg" data-testid="timeline">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('incidents.timeline.title')}
        </Title>
        {canAdd && <AddEventForm organisationId={organisationId} incidentId={incident.id} />}
        <Stack gap="xs">
          {events.map((event) => (
            <Stack key={event.id} gap={0} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
              <Text size="xs" c="dimmed">
                {formatBerlinTime(event.at)} · {t(`incidents.timeline.kind.${event.kind}`, { defaultValue: event.kind })}
              </Text>
              {textOf(event) && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {textOf(event)}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

function AddEventForm({ organisationId, incidentId }: { organisationId: string; incidentId: string }) {
  const { t } = useTranslation();
  const add = useAddIncidentEvent(organisationId, incidentId);
  const [kind, setKind] = useState<(typeof addableKinds)[number]>('measure');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim().length < 2) return setError(t('incidents.timeline.textRequired'));
    setError(null);
    add.mutate(
      { kind, text: text.trim() },
      {
        onSuccess: () => setText(''),
        onError: (failure) => {
          const { fields, rest } = fieldErrors(t, failure, { kind: '', text: '' });
          setError(fields.text ?? fields.kind ?? rest.join(' '));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="event-form">
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t('incidents.timeline.kindLabel')}
          value={kind}
          onChange={(value) => setKind(value as typeof kind)}
          data={addableKinds.map((value) => ({ value, label: t(`incidents.timeline.kind.${value}`) }))}
          fullWidth
        />
        <Textarea
          aria-label={t('incidents.timeline.text')}
          placeholder={t(`incidents.timeline.placeholder.${kind}`)}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={error}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={add.isPending}>
            {t('incidents.timeline.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CompleteHandlingModal({ organisationId, incidentId, opened, onClose }: { organisationId: string; incidentId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteHandling(organisationId, incidentId);
  const [when, setWhen] = useState(berlinParts);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const completedAt = berlinInstant(when.date, when.time);
    if (!completedAt) return setError(t('incidents.submit.whenRequired'));
    if (isInFuture(completedAt)) return setError(t('incidents.submit.inFuture'));
    setError(null);
    complete.mutate(
      { completedAt },
      {
        onSuccess: onClose,
        onError: (failure) => {
          const { fields, rest } = fieldErrors(t, failure, { completedAt: '' });
          setError(isBeforeNoticed(failure) ? t('incidents.submit.beforeNoticed') : (fields.completedAt ?? rest.join(' ')));
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('incidents.complete.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('incidents.complete.intro')}</Text>
          <BerlinDateTimeInputs
            date={when.date}
            time={when.time}
            onDate={(date) => setWhen((w) => ({ ...w, date }))}
            onTime={(time) => setWhen((w) => ({ ...w, time }))}
            dateLabel={t('incidents.submit.date')}
            timeLabel={t('incidents.submit.time')}
            error={error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={complete.isPending}>
              {t('incidents.complete.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../lib/form-errors.ts';
import { newestFirst } from './incident-clocks.ts';
import { formatBerlinTime } from './incident-parts.tsx';
import { type IncidentDetail, useAddIncidentEvent } from './incidents.api.ts';

/** A step of the escalation checklist as the timeline names it: the fixed steps translated, the own chain by its role. */
function escalationStepText(t: TFunction, data: Record<string, unknown>): string {
  const step = String(data.step ?? '');
  return step.startsWith('own-') ? String(data.label ?? step) : t(`incidents.escalation.${step}`, { defaultValue: step });
}

const addableKinds = ['note', 'measure', 'contact'] as const;

/** The timeline, newest first, with the form for notes, measures and contacts. */
export function IncidentTimeline({ incident, organisationId, canAdd }: { incident: IncidentDetail; organisationId: string; canAdd: boolean }) {
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
      case 'escalation_ticked':
      case 'escalation_unticked':
        return escalationStepText(t, event.data);
      case 'intermediate_requested': {
        const due =
          typeof event.data.dueAt === 'string'
            ? t('incidents.intermediate.dueAt', { at: formatBerlinTime(event.data.dueAt) })
            : t('incidents.intermediate.noDueAt');
        return event.data.reference ? `${due} · ${t('incidents.clocks.reference', { reference: String(event.data.reference) })}` : due;
      }
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

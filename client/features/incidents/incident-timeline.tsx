import { Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addIncidentEventSchema, incidentEventKinds } from '../../../domain/incidents/incident.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { newestFirst } from './incident-clocks.ts';
import { formatBerlinTime, pressesSubmit } from './incident-parts.tsx';
import { type IncidentDetail, useAddIncidentEvent } from './incidents.api.ts';

/** A step of the escalation checklist as the timeline names it: the fixed steps translated, the own chain by its role. */
function escalationStepText(t: TFunction, data: Record<string, unknown>): string {
  const step = String(data.step ?? '');
  return step.startsWith('own-') ? String(data.label ?? step) : t(`incidents.escalation.${step}`, { defaultValue: step });
}

type EventValues = { kind: (typeof incidentEventKinds)[number]; text: string };

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
  const schemaForm = useSchemaForm<EventValues>({ schema: addIncidentEventSchema, initialValues: { kind: 'measure', text: '' } });
  const { form } = schemaForm;
  const kind = form.getValues().kind;
  const textProps = form.getInputProps('text');
  const submit = schemaForm.onSubmit((values) =>
    add.mutate(
      { kind: values.kind, text: values.text.trim() },
      // The kind stays chosen for the next entry; only the text is done.
      { onSuccess: () => form.setFieldValue('text', ''), onError: schemaForm.showError },
    ),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="event-form">
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t('incidents.timeline.kindLabel')}
          data={incidentEventKinds.map((value) => ({ value, label: t(`incidents.timeline.kind.${value}`) }))}
          fullWidth
          {...form.getInputProps('kind')}
        />
        <Textarea
          aria-label={t('incidents.timeline.text')}
          placeholder={t(`incidents.timeline.placeholder.${kind}`)}
          autosize
          minRows={2}
          {...textProps}
          onBlur={(event: FocusEvent) => pressesSubmit(event) || textProps.onBlur?.()}
        />
        <FormProblems form={schemaForm} />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={add.isPending}>
            {t('incidents.timeline.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

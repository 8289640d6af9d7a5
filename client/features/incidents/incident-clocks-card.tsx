import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentReportKind } from '../../../domain/incidents/incident.schema.ts';
import { personsNoticeOffered } from '../../../domain/incidents/persons-notice.ts';
import { isUrgent } from './berlin-time.ts';
import { clocksOf } from './incident-clocks.ts';
import { formatBerlinTime, useNow, useRemainingText } from './incident-parts.tsx';
import { type DraftKind, draftKinds, type IncidentDetail } from './incidents.api.ts';

/** "Was ist bis wann zu melden?": one card per report the incident needs, the current one framed, with draft and record buttons. */
export function IncidentClocks({
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
  // The letter to the persons concerned has a card of its own when Art. 34 DSGVO requires it; otherwise it is offered
  // below whenever personal data are involved, for a practice that informs them without being obliged to.
  const offerLetter = canHandle && personsNoticeOffered(incident) && !clocks.some((clock) => clock.kind === 'gdpr_art34');
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
      {offerLetter && (
        <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="persons-notice-offer">
          <Text size="sm" c="dimmed" style={{ flex: 1 }}>
            {t('incidents.clocks.personsNotice')}
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => onDraft('gdpr_art34')}>
            {t('incidents.clocks.personsNoticeDraft')}
          </Button>
        </Group>
      )}
      {bsig && !bsig.finalReportDue && (
        <Text size="sm" c="dimmed">
          {t('incidents.clocks.finalAfterHandling')}
        </Text>
      )}
    </Stack>
  );
}

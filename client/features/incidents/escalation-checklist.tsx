import { Anchor, Card, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../domain/auth/roles.ts';
import { escalationChecklist } from '../../../domain/incidents/escalation.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useMembers } from '../users/users.api.ts';
import { formatBerlinTime } from './incident-parts.tsx';
import { type IncidentDetail, useSetEscalationTick } from './incidents.api.ts';

const rolesOfStep: Record<string, Role[]> = { itLead: ['it_lead'], management: ['management'], dpo: ['data_protection_officer'] };

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
 * otherwise the fixed one (IT lead → management, DPO in parallel) with the members holding those roles. The ticks are
 * stored with the incident, so everyone handling it sees them, and each one is written to the timeline.
 */
export function EscalationChecklist({ organisationId, incident, canTick }: { organisationId: string; incident: IncidentDetail; canTick: boolean }) {
  const { t } = useTranslation();
  const members = useMembers(organisationId);
  const setTick = useSetEscalationTick(organisationId, incident.id);
  const ticks = new Map(incident.escalationTicks.map((tick) => [tick.step, tick]));
  const steps = escalationChecklist(incident.escalation ?? []);
  // The box follows the click at once (a controlled checkbox would otherwise snap back until the mutation's state
  // arrives a tick later) and keeps that state until the stored ticks agree or the request fails.
  const [clicked, setClicked] = useState<{ step: string; ticked: boolean } | null>(null);
  const storedAgrees = clicked !== null && ticks.has(clicked.step) === clicked.ticked;
  useEffect(() => {
    if (storedAgrees && !setTick.isPending) setClicked(null);
  }, [storedAgrees, setTick.isPending]);
  const isTicked = (step: string) => (clicked?.step === step ? clicked.ticked : ticks.has(step));
  const tick = (step: string, ticked: boolean) => {
    setClicked({ step, ticked });
    setTick.mutate({ step, ticked }, { onError: () => setClicked(null) });
  };
  const tickedAt = (step: string) => {
    const tick = ticks.get(step);
    return tick ? t('incidents.escalation.tickedAt', { at: formatBerlinTime(tick.tickedAt) }) : undefined;
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
        {setTick.error && <ErrorAlert error={setTick.error} />}
        {incident.contactPoint && (
          <Text size="sm" data-testid="contact-point">
            <Text span fw={600}>
              {t('incidents.escalation.contactPoint')}:
            </Text>{' '}
            {incident.contactPoint.name}
            <Reach phone={incident.contactPoint.phone} email={incident.contactPoint.email} />
          </Text>
        )}
        {steps.map(({ step, entry }, index) => {
          const people = entry ? [] : (members.data ?? []).filter((m) => (rolesOfStep[step] ?? []).includes(m.role));
          return (
            <Stack key={step} gap={2}>
              <Checkbox
                checked={isTicked(step)}
                disabled={!canTick || setTick.isPending}
                onChange={(event) => tick(step, event.currentTarget.checked)}
                data-testid={`escalation-${step}`}
                label={
                  <Text size="sm" fw={600}>
                    {index + 1}. {entry ? entry.role || entry.name : t(`incidents.escalation.${step}`)}
                  </Text>
                }
                description={[entry ? null : t(`incidents.escalation.${step}Hint`), tickedAt(step)].filter(Boolean).join(' · ')}
              />
              <Stack gap={0} pl={32}>
                {entry ? (
                  <Text size="sm">
                    {entry.role ? entry.name : ''}
                    <Reach phone={entry.phone} email={entry.email} />
                  </Text>
                ) : members.isPending ? null : people.length === 0 ? (
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

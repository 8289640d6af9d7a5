import { Badge, Button, Card, Checkbox, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checklistKinds } from '../../../domain/access/access.schema.ts';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDate } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { type Checklist, usePersonChecklists, useStartChecklist, useTickItem } from './access.api.ts';

/**
 * A person's onboarding (KBV Anlage 1 Nr. 1) and departure (Anlage 1 Nr. 2) checklists: start one from the template
 * as it stands, tick its items. Completing the departure checklist disables no account. Self-contained.
 */
export function PersonChecklistsSection({ organisationId, personId }: { organisationId: string; personId: string }) {
  const { t, i18n } = useTranslation();
  const organisation = useOrganisation(organisationId);
  const checklists = usePersonChecklists(organisationId, personId);
  const start = useStartChecklist(organisationId, personId);
  const tick = useTickItem(organisationId);

  if (checklists.isPending || organisation.isPending) return <PageLoader />;
  if (checklists.error) return <ErrorAlert error={checklists.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const canEdit = isAllowed('people.edit', organisation.data.me);
  const locale = i18n.language.startsWith('en') ? 'en' : 'de';
  const open = new Set(checklists.data.filter((c) => c.completedAt === null).map((c) => c.kind));

  return (
    <Card withBorder padding="lg" data-testid="person-checklists">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {t('access.section.checklists')}
          </Title>
          {canEdit && (
            <Group gap="xs">
              {checklistKinds
                .filter((kind) => !open.has(kind))
                .map((kind) => (
                  <Button
                    key={kind}
                    size="xs"
                    variant="light"
                    loading={start.isPending && start.variables?.kind === kind}
                    onClick={() => start.mutate({ kind, locale })}
                    data-testid={`checklist-start-${kind}`}
                  >
                    {t(kind === 'onboarding' ? 'access.checklist.startOnboarding' : 'access.checklist.startOffboarding')}
                  </Button>
                ))}
            </Group>
          )}
        </Group>
        {start.error && <ErrorAlert error={start.error} />}
        {tick.error && <ErrorAlert error={tick.error} />}
        {checklists.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('access.checklist.empty')}
          </Text>
        ) : (
          checklists.data.map((checklist) => (
            <ChecklistCard
              key={checklist.id}
              checklist={checklist}
              canEdit={canEdit}
              onTick={(position, done) => tick.mutate({ checklistId: checklist.id, position, done })}
            />
          ))
        )}
      </Stack>
    </Card>
  );
}

function ChecklistCard({ checklist, canEdit, onTick }: { checklist: Checklist; canEdit: boolean; onTick: (position: number, done: boolean) => void }) {
  const { t } = useTranslation();
  const done = checklist.items.filter((item) => item.doneAt !== null).length;
  const total = checklist.items.length;
  return (
    <Card withBorder padding="md" radius="sm" data-testid={`checklist-${checklist.kind}`} data-completed={checklist.completedAt !== null}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600}>{t(`access.checklist.${checklist.kind}`)}</Text>
            <Badge color={checklist.completedAt ? 'teal' : 'blue'} variant="light" style={{ textTransform: 'none' }}>
              {checklist.completedAt
                ? t('access.checklist.completed', { date: formatDate(checklist.completedAt) })
                : t('access.checklist.progress', { done, total })}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('access.checklist.started', { date: formatDate(checklist.startedAt) })}
          </Text>
        </Group>
        <Progress
          value={total ? (done / total) * 100 : 0}
          aria-label={t(`access.checklist.${checklist.kind}`)}
          size="sm"
          color={checklist.completedAt ? 'teal' : 'blue'}
        />
        {checklist.items.map((item) => (
          <Checkbox
            key={item.position}
            checked={item.doneAt !== null}
            disabled={!canEdit}
            onChange={(event) => onTick(item.position, event.currentTarget.checked)}
            label={item.title}
            data-testid="checklist-item"
            description={
              [item.hint, item.doneAt && item.doneByName ? t('access.checklist.doneBy', { name: item.doneByName, date: formatDate(item.doneAt) }) : '']
                .filter(Boolean)
                .join(' · ') || undefined
            }
          />
        ))}
        {checklist.kind === 'offboarding' && (
          <Text size="xs" c="dimmed">
            {t('access.checklist.offboardingNote')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agendaKinds, agendaRank } from '../../../domain/calendar/agenda.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { relativeDue } from '../../lib/relative-time.ts';
import { type AgendaItem, useAgenda } from '../calendar/calendar.api.ts';

/** By urgency class (domain/calendar/agenda.ts): a running clock, a missed duty, an overdue task, what is coming. */
const rankColor = ['red', 'red', 'orange', 'yellow'] as const;

/** "Was ist jetzt zu tun?": one ordered list of the most urgent items across the product, each with who, by when and a link. */
export function AgendaCard({ organisationId, base }: { organisationId: string; base: string }) {
  const { t } = useTranslation();
  const agenda = useAgenda(organisationId);
  if (!agenda.data) return null;
  const { items, counts, total } = agenda.data;
  return (
    <Card withBorder padding="lg" data-testid="agenda-card">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
          <Title order={2} size="h3">
            {t('calendar.agenda.title')}
          </Title>
          {total > items.length && (
            <Text size="sm" c="dimmed">
              {t('calendar.agenda.shown', { shown: items.length, total })}
            </Text>
          )}
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="teal.8">
            {t('calendar.agenda.empty')}
          </Text>
        ) : (
          <Stack gap="xs">
            {items.map((item) => (
              <AgendaRow key={item.key} item={item} base={base} now={new Date(agenda.dataUpdatedAt)} />
            ))}
          </Stack>
        )}
        {total > 0 && (
          <Group gap="md" data-testid="agenda-counts">
            {agendaKinds
              .filter((kind) => counts[kind] > 0)
              .map((kind) => (
                <Text key={kind} size="xs" c="dimmed">
                  {t(`calendar.agenda.count.${kind}`, { count: counts[kind] })}
                </Text>
              ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function AgendaRow({ item, base, now }: { item: AgendaItem; base: string; now: Date }) {
  const { t } = useTranslation();
  const rank = agendaRank(item);
  const text = t(`calendar.agenda.item.${item.kind}${item.isOverdue && (item.kind === 'c5_expiry' || item.kind === 'management_training') ? '_overdue' : ''}`, {
    subject: item.subject,
    number: item.number ?? '',
    count: item.count ?? 0,
    report: item.report ? t(`dashboard.reportKind.${item.report}`) : '',
  });
  const who = item.who.name ?? (item.who.role ? t(`role.${item.who.role}`) : t('calendar.agenda.nobody'));
  const absolute = item.dueAt ? formatDateTime(item.dueAt) : formatCalendarDate(item.dueOn);
  const when = `${absolute} (${relativeDue(item, now, currentLocale())})`;
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start" data-testid="agenda-item" data-kind={item.kind}>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge color={rankColor[rank]} variant="light" style={{ flexShrink: 0 }}>
            {t(`calendar.agenda.badge.${item.kind}`)}
          </Badge>
          <Anchor component={Link} to={`${base}/${item.path}`} size="sm" fw={500} c="dark">
            {text}
          </Anchor>
        </Group>
        <Text size="xs" c={item.isOverdue ? 'red.8' : 'dimmed'}>
          {t('calendar.agenda.who', { who })} · {t(item.isOverdue ? 'calendar.agenda.since' : 'calendar.agenda.until', { when })}
        </Text>
      </Stack>
      <Button component={Link} to={`${base}/${item.path}`} size="xs" variant="light" style={{ flexShrink: 0 }}>
        {t('calendar.agenda.open')}
      </Button>
    </Group>
  );
}

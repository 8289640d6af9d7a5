import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { weekRange } from '../../../domain/tasks/task-rules.ts';
import type { TaskStatus } from '../../../domain/tasks/tasks.schema.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { statusColor } from './tasks.api.ts';

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light" data-testid="task-status">
      {t(`tasks.status.${status}`)}
    </Badge>
  );
}

/** The due day, with "überfällig" in red when it has passed and the task is still to do. */
export function DueOn({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  if (!dueOn) {
    return (
      <Text size="sm" c="dimmed">
        {t('tasks.noDue')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
        {formatCalendarDate(dueOn)}
      </Text>
      {overdue && (
        <Badge color="red" size="sm" variant="light">
          {t('tasks.overdueBadge')}
        </Badge>
      )}
    </Group>
  );
}

/** A calendar day without its year: 07.12. / 7 Dec. */
function dayAndMonth(day: string): string {
  const format = new Intl.DateTimeFormat(currentLocale() === 'de' ? 'de-DE' : 'en-GB', {
    day: currentLocale() === 'de' ? '2-digit' : 'numeric',
    month: currentLocale() === 'de' ? '2-digit' : 'short',
    timeZone: 'UTC',
  });
  return format.format(new Date(`${day}T12:00:00Z`));
}

/** "KW 50 · 07.12.–13.12.2026": an ISO week as a German practice reads it. */
export function useWeekLabel() {
  const { t } = useTranslation();
  return (week: string) => {
    const { from, to } = weekRange(week);
    return t('tasks.weekRange', { week: Number(week.slice(6)), from: dayAndMonth(from), to: formatCalendarDate(to) });
  };
}

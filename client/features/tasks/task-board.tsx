import { Anchor, Box, Button, Card, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isoWeekOf, practiceDay, weekRange, weeksFrom } from '../../../domain/tasks/task-rules.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { TaskStatusBadge } from './task-parts.tsx';
import { type BoardFilters, type TaskItem, useTaskBoard } from './tasks.api.ts';

const WEEKS = 6;

/** The week `steps` weeks after (or before) `week`. */
function shiftWeek(week: string, steps: number): string {
  const monday = new Date(`${weekRange(week).from}T12:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() + steps * 7);
  return isoWeekOf(monday.toISOString().slice(0, 10));
}

interface TaskBoardViewProps {
  organisationId: string;
  from: string | undefined;
  onFrom: (week: string | null) => void;
  filters: Omit<BoardFilters, 'from' | 'weeks'>;
  /** Opens the list on one week (a column's "more" link). */
  onWeek: (week: string) => void;
}

/** The board: overdue tasks first, then one column per ISO week, as the server grouped them. */
export function TaskBoardView({ organisationId, from, onFrom, filters, onWeek }: TaskBoardViewProps) {
  const { t } = useTranslation();
  const thisWeek = isoWeekOf(practiceDay(new Date()));
  const first = from ?? thisWeek;
  const board = useTaskBoard(organisationId, { ...filters, from: first, weeks: WEEKS });
  if (board.isPending) return <PageLoader />;
  if (board.error) return <ErrorAlert error={board.error} />;
  const weeks = weeksFrom(first, WEEKS);

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 320px' }}>
          {t('tasks.board.hint')}
        </Text>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => onFrom(shiftWeek(first, -WEEKS))} data-testid="task-board-earlier">
            ← {t('tasks.board.earlier')}
          </Button>
          <Button variant="default" size="xs" onClick={() => onFrom(null)} disabled={first === thisWeek}>
            {t('tasks.board.thisWeek')}
          </Button>
          <Button variant="default" size="xs" onClick={() => onFrom(shiftWeek(first, WEEKS))} data-testid="task-board-later">
            {t('tasks.board.later')} →
          </Button>
        </Group>
      </Group>
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="xs" data-testid="task-board">
          <Column
            title={t('tasks.board.overdue')}
            subtitle={null}
            tone="red"
            total={board.data.overdue.total}
            items={board.data.overdue.items}
            organisationId={organisationId}
            testId="task-board-overdue"
            onMore={null}
          />
          {board.data.weeks.map((column, index) => (
            <Column
              key={column.week}
              title={t('tasks.week', { week: Number(column.week.slice(6)) })}
              subtitle={`${formatCalendarDate(column.from)} – ${formatCalendarDate(column.to)}${column.week === thisWeek ? ` · ${t('tasks.board.thisWeek')}` : ''}`}
              tone={column.week === thisWeek ? 'blue' : undefined}
              total={column.total}
              items={column.items}
              organisationId={organisationId}
              testId={`task-board-week-${weeks[index] ?? column.week}`}
              onMore={() => onWeek(column.week)}
            />
          ))}
        </Group>
      </ScrollArea>
    </Stack>
  );
}

interface ColumnProps {
  title: string;
  subtitle: string | null;
  tone: 'red' | 'blue' | undefined;
  total: number;
  items: TaskItem[];
  organisationId: string;
  testId: string;
  onMore: (() => void) | null;
}

function Column({ title, subtitle, tone, total, items, organisationId, testId, onMore }: ColumnProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" w={250} miw={250} bg={tone ? `${tone}.0` : undefined} data-testid={testId}>
      <Stack gap="xs">
        <Box>
          <Group justify="space-between" wrap="nowrap">
            <Title order={2} size="h5" c={tone === 'red' && total > 0 ? 'red.8' : undefined}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {total}
            </Text>
          </Group>
          {subtitle && (
            <Text size="xs" c="dimmed">
              {subtitle}
            </Text>
          )}
        </Box>
        {items.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('tasks.board.empty')}
          </Text>
        )}
        {items.map((task) => (
          <Paper key={task.id} withBorder p="xs" radius="sm" opacity={task.status === 'done' ? 0.65 : 1} data-testid={`task-card-${task.id}`}>
            <Stack gap={4}>
              <Anchor component={Link} to={`/o/${organisationId}/tasks/${task.id}`} size="sm" fw={500} td={task.status === 'done' ? 'line-through' : undefined}>
                {task.title}
              </Anchor>
              <Group justify="space-between" gap={4} wrap="nowrap">
                <Text size="xs" c={task.overdue ? 'red' : 'dimmed'} truncate="end">
                  {formatCalendarDate(task.dueOn)} · {task.ownerName ?? t('tasks.nobody')}
                </Text>
                {task.status !== 'open' && <TaskStatusBadge status={task.status} />}
              </Group>
            </Stack>
          </Paper>
        ))}
        {total > items.length && onMore && (
          <Anchor component="button" type="button" size="xs" onClick={onMore}>
            {t('tasks.board.more', { count: total - items.length })}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

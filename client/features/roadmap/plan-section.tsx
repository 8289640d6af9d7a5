import { Anchor, Badge, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoadmapWeek } from '../../../domain/roadmap/roadmap.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import type { RoadmapPlan } from './roadmap.api.ts';
import { WeekHeading } from './week-heading.tsx';

const statusColor: Record<string, string> = { open: 'gray', in_progress: 'blue', done: 'teal', cancelled: 'gray' };
const share = (p: { done: number; total: number }) => (p.total === 0 ? 0 : Math.round((p.done / p.total) * 100));

/** The plan as taken over: progress overall and per week, each task with its owner, due date and a link to it. */
export function PlanSection({ organisationId, plan, nis2InScope }: { organisationId: string; plan: RoadmapPlan; nis2InScope: boolean }) {
  const { t } = useTranslation();
  const hasTasks = plan.progress.total > 0 || plan.weeks.some((w) => w.tasks.length > 0);
  return (
    <Stack gap="md" data-testid="roadmap-plan">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3">
          {t('roadmap.plan.title')}
        </Title>
        {plan.startOn && (
          <Text size="sm" c="dimmed">
            {t('roadmap.plan.since', { date: formatCalendarDate(plan.startOn) })}
          </Text>
        )}
      </Group>
      {!hasTasks ? (
        <Card withBorder padding="lg" data-testid="roadmap-plan-empty">
          <Text>{t('roadmap.plan.empty')}</Text>
        </Card>
      ) : (
        <>
          <Card withBorder padding="md" data-testid="roadmap-progress">
            <Stack gap={6}>
              <Text fw={600}>{t('roadmap.plan.progress', { done: plan.progress.done, total: plan.progress.total })}</Text>
              <Progress value={share(plan.progress)} color="teal" size="lg" aria-label={t('roadmap.plan.progress', plan.progress)} />
            </Stack>
          </Card>
          {plan.weeks
            .filter((week) => week.tasks.length > 0)
            .map((week) => (
              <Card key={week.week} withBorder padding="md" data-testid={`plan-week-${week.week}`}>
                <Stack gap="sm">
                  <WeekHeading
                    week={week.week as RoadmapWeek}
                    nis2InScope={nis2InScope}
                    startsOn={week.startsOn}
                    endsOn={week.endsOn}
                    extra={
                      <Group gap="xs" wrap="nowrap" miw={180}>
                        <Progress value={share(week.progress)} color="teal" style={{ flex: 1 }} aria-label={t('roadmap.plan.progress', week.progress)} />
                        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {t('roadmap.plan.progress', { done: week.progress.done, total: week.progress.total })}
                        </Text>
                      </Group>
                    }
                  />
                  <Table verticalSpacing={6} layout="fixed">
                    <Table.Tbody>
                      {week.tasks.map((task) => (
                        <Table.Tr key={task.id} data-testid={`plan-task-${task.key}`}>
                          <Table.Td>
                            <Anchor component={Link} to={`/o/${organisationId}/tasks/${task.id}`} td={task.status === 'cancelled' ? 'line-through' : undefined}>
                              {task.title}
                            </Anchor>
                          </Table.Td>
                          <Table.Td w={220}>
                            <Text size="sm" c={task.ownerName ? undefined : 'dimmed'} truncate="end">
                              {task.ownerName ?? t('roadmap.plan.noOwner')}
                            </Text>
                          </Table.Td>
                          <Table.Td w={130}>
                            <Text size="sm" c={task.overdue ? 'red' : 'dimmed'}>
                              {task.dueOn ? formatCalendarDate(task.dueOn) : '–'}
                              {task.overdue && ` · ${t('roadmap.plan.overdue')}`}
                            </Text>
                          </Table.Td>
                          <Table.Td w={100}>
                            <Badge color={statusColor[task.status] ?? 'gray'} variant="light" style={{ textTransform: 'none' }}>
                              {t(`roadmap.status.${task.status}`)}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Stack>
              </Card>
            ))}
        </>
      )}
    </Stack>
  );
}

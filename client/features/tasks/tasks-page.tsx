import { Anchor, Badge, Button, Chip, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isoWeekOf, practiceDay, weeksFrom } from '../../../domain/tasks/task-rules.ts';
import { TASK_SOURCES, TASK_STATUSES } from '../../../domain/tasks/tasks.schema.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { DataTable, type DataTableColumn, useListSort } from '../../components/data-table.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { useMembers } from '../users/users.api.ts';
import { TaskBoardView } from './task-board.tsx';
import { TaskForm } from './task-form.tsx';
import { DueOn, TaskStatusBadge, useWeekLabel } from './task-parts.tsx';
import { type TaskItem, useTaskList, useTaskSummary } from './tasks.api.ts';

/** The filters a chip sets; every other filter is cleared. */
const presets = {
  active: {},
  mine: { mine: 'true' },
  overdue: { overdue: 'true' },
  thisWeek: { week: 'this' },
  unassigned: { ownerUserId: 'none' },
} as const;
type Preset = keyof typeof presets;
const filterNames = ['mine', 'overdue', 'week', 'status', 'ownerUserId', 'source'] as const;

/** Aufgaben: the list (filtered and paged by the server) or the board by week, with counts that filter at a click. */
export function TasksPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const organisation = useOrganisation(organisationId);
  const members = useMembers(organisationId);
  const summary = useTaskSummary(organisationId);
  const weekLabel = useWeekLabel();
  const [sort, setSort] = useListSort<string>({ sort: 'dueOn', order: 'asc' });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const today = practiceDay(new Date());
  const thisWeek = isoWeekOf(today);
  const view = params.get('view') === 'board' ? 'board' : 'list';
  const value = (name: string) => params.get(name) ?? undefined;
  // Without a status chosen the list shows what is still to do; "all" shows done and dropped ones too.
  const status = value('status') ?? 'active';
  const week = value('week') === 'this' ? thisWeek : value('week');
  const list = useTaskList(organisationId, sort, {
    mine: value('mine'),
    overdue: value('overdue'),
    week,
    status: status === 'all' ? undefined : status,
    ownerUserId: value('ownerUserId'),
    source: value('source'),
    q: q || undefined,
  });

  const setFilters = (changes: Record<string, string | null>, clearOthers = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (clearOthers) for (const name of filterNames) next.delete(name);
        for (const [name, v] of Object.entries(changes)) {
          if (v) next.set(name, v);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );

  if (organisation.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const can = permissionsOf(organisation.data.me);
  const base = `/o/${organisationId}/tasks`;
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.userId, label: m.name }));
  const activePreset = (Object.keys(presets) as Preset[]).find((preset) => {
    const wanted: Record<string, string> = presets[preset];
    return filterNames.every((name) => (name === 'status' ? !params.get(name) : (params.get(name) ?? undefined) === wanted[name]));
  });
  const counts: Record<Preset, number | undefined> = {
    active: summary.data?.active,
    mine: summary.data?.mine,
    overdue: summary.data?.overdue,
    thisWeek: summary.data?.dueThisWeek,
    unassigned: summary.data?.unassigned,
  };
  const weekOptions = weeksFrom(isoWeekOf(new Date(Date.parse(`${today}T12:00:00Z`) - 28 * 86_400_000).toISOString().slice(0, 10)), 20).map((w) => ({
    value: w === thisWeek ? 'this' : w,
    label: weekLabel(w),
  }));

  const columns: DataTableColumn<TaskItem>[] = [
    {
      key: 'title',
      header: t('tasks.column.title'),
      sortKey: 'title',
      render: (task) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`${base}/${task.id}`} fw={500} size="sm" td={task.status === 'done' ? 'line-through' : undefined}>
            {task.title}
          </Anchor>
          <Group gap={6}>
            {task.source !== 'manual' && (
              <Badge size="xs" variant="outline" color="gray">
                {task.source === 'roadmap' && task.roadmapWeek ? t('tasks.detail.roadmapWeek', { week: task.roadmapWeek }) : t(`tasks.source.${task.source}`)}
              </Badge>
            )}
            {task.linkCount > 0 && (
              <Text size="xs" c="dimmed">
                {t('tasks.linkCount', { count: task.linkCount })}
              </Text>
            )}
            {task.commentCount > 0 && (
              <Text size="xs" c="dimmed">
                {t('tasks.commentCount', { count: task.commentCount })}
              </Text>
            )}
          </Group>
        </Stack>
      ),
    },
    { key: 'dueOn', header: t('tasks.column.dueOn'), sortKey: 'dueOn', width: 190, render: (task) => <DueOn dueOn={task.dueOn} overdue={task.overdue} /> },
    {
      key: 'owner',
      header: t('tasks.column.owner'),
      visibleFrom: 'sm',
      render: (task) => (
        <Text size="sm" c={task.ownerName ? undefined : 'dimmed'}>
          {task.ownerName ?? t('tasks.nobody')}
        </Text>
      ),
    },
    { key: 'status', header: t('tasks.column.status'), sortKey: 'status', render: (task) => <TaskStatusBadge status={task.status} /> },
  ];
  const filtered = Boolean(filterNames.some((name) => name !== 'status' && params.get(name)) || q || status !== 'active');

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('tasks.title')}
        description={t('tasks.description')}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to={`${base}/templates`} data-testid="task-templates-link">
              {t('tasks.templatesLink')}
            </Button>
            {can.editTasks && (
              <Button onClick={() => setCreating(true)} data-testid="task-add">
                {t('tasks.add')}
              </Button>
            )}
          </Group>
        }
      />
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Chip.Group>
          <Group gap={6} data-testid="task-presets">
            {(Object.keys(presets) as Preset[]).map((preset) => (
              <Chip
                key={preset}
                checked={activePreset === preset}
                onChange={() => setFilters({ ...presets[preset] }, true)}
                color={preset === 'overdue' && (counts.overdue ?? 0) > 0 ? 'red' : undefined}
                data-testid={`task-preset-${preset}`}
              >
                {t(`tasks.chip.${preset}`, { count: counts[preset] ?? 0 })}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <SegmentedControl
          aria-label={t('tasks.view.label')}
          value={view}
          onChange={(next) => setFilters({ view: next === 'board' ? 'board' : null })}
          data={[
            { value: 'list', label: t('tasks.view.list') },
            { value: 'board', label: t('tasks.view.board') },
          ]}
          data-testid="task-view"
        />
      </Group>
      {view === 'board' ? (
        <TaskBoardView
          organisationId={organisationId}
          from={value('from')}
          onFrom={(from) => setFilters({ from })}
          filters={{ mine: value('mine'), ownerUserId: value('ownerUserId'), source: value('source') }}
          onWeek={(w) => setFilters({ view: null, week: w === thisWeek ? 'this' : w, status: 'all' }, true)}
        />
      ) : list.query.error ? (
        <ErrorAlert error={list.query.error} />
      ) : (
        <DataTable
          testId="task-table"
          columns={columns}
          rows={list.rows}
          rowKey={(task) => task.id}
          rowTestId={(task) => `task-row-${task.id}`}
          total={list.total}
          loading={list.query.isPending}
          refreshing={list.query.isPlaceholderData}
          sort={sort}
          onSortChange={setSort}
          hasMore={list.query.hasNextPage}
          loadingMore={list.query.isFetchingNextPage}
          onLoadMore={() => void list.query.fetchNextPage()}
          moreLabel={(shown, total) => t('tasks.more', { shown, total })}
          emptyText={filtered ? t('tasks.emptyFiltered') : t('tasks.empty')}
          filters={
            <>
              <TextInput
                label={t('tasks.search')}
                placeholder={t('tasks.searchPlaceholder')}
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
                w={{ base: '100%', xs: 200 }}
              />
              <Select
                label={t('tasks.field.status')}
                data={[
                  { value: 'active', label: t('tasks.status.active') },
                  ...TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) })),
                  { value: 'all', label: t('tasks.allStatuses') },
                ]}
                value={status}
                onChange={(v) => setFilters({ status: v === 'active' ? null : v })}
                allowDeselect={false}
                w={{ base: '100%', xs: 210 }}
                data-testid="task-filter-status"
              />
              <Select
                label={t('tasks.field.ownerUserId')}
                placeholder={t('tasks.allOwners')}
                data={[{ value: 'none', label: t('tasks.nobody') }, ...memberOptions]}
                value={value('ownerUserId') ?? null}
                onChange={(v) => setFilters({ ownerUserId: v, mine: null })}
                clearable
                searchable
                w={{ base: '100%', xs: 200 }}
                data-testid="task-filter-owner"
              />
              <Select
                label={t('tasks.field.week')}
                placeholder={t('tasks.allWeeks')}
                data={weekOptions}
                value={value('week') ?? null}
                onChange={(v) => setFilters({ week: v })}
                clearable
                w={{ base: '100%', xs: 280 }}
                data-testid="task-filter-week"
              />
              <Select
                label={t('tasks.field.source')}
                placeholder={t('tasks.allSources')}
                data={TASK_SOURCES.map((s) => ({ value: s, label: t(`tasks.source.${s}`) }))}
                value={value('source') ?? null}
                onChange={(v) => setFilters({ source: v })}
                clearable
                w={{ base: '100%', xs: 160 }}
              />
            </>
          }
        />
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('tasks.add')} size="lg">
        {creating && <TaskForm organisationId={organisationId} task={null} onDone={(task) => navigate(`${base}/${task.id}`)} />}
      </Modal>
    </Stack>
  );
}

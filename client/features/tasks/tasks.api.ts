import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  RecurringStarted,
  TaskBoard,
  TaskComment,
  TaskDetail,
  TaskItem,
  TaskLinkTarget,
  TaskLinkView,
  TaskList,
  TaskSummary,
  TaskTemplate,
} from '../../../domain/tasks/tasks.response.ts';
import type { TaskInput, TaskLinkKind, TaskStatus, TaskTemplateInput, TaskTemplateUpdate, TaskUpdate } from '../../../domain/tasks/tasks.schema.ts';
import { type ListSort, useListQuery } from '../../components/data-table.tsx';
import { del, get, isApiError, post, put } from '../../lib/api.ts';
import { currentLocale } from '../../lib/i18n.ts';

export type { RecurringStarted, TaskBoard, TaskComment, TaskDetail, TaskItem, TaskLinkTarget, TaskLinkView, TaskSummary, TaskTemplate };

export const TASK_PAGE_SIZE = 50;

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}/tasks`;
const tasksKey = (organisationId: string) => ['tasks', organisationId] as const;
/** The language of requirement titles in links and of built-in template texts. */
const withLocale = (url: string) => `${url}${url.includes('?') ? '&' : '?'}locale=${currentLocale()}`;

/** Orange for open, blue for in progress, teal for done, grey for dropped. */
export const statusColor: Record<TaskStatus, string> = { open: 'orange', in_progress: 'blue', done: 'teal', cancelled: 'gray' };

export interface TaskFilters {
  mine?: string | undefined;
  overdue?: string | undefined;
  week?: string | undefined;
  status?: string | undefined;
  ownerUserId?: string | undefined;
  source?: string | undefined;
  linkKind?: string | undefined;
  linkTargetId?: string | undefined;
  q?: string | undefined;
}

export function useTaskList(organisationId: string, sort: ListSort, filters: TaskFilters) {
  return useListQuery<TaskList>([...tasksKey(organisationId), 'list'], base(organisationId), {
    limit: TASK_PAGE_SIZE,
    sort: sort.sort,
    order: sort.order,
    ...filters,
  });
}

export function useTaskSummary(organisationId: string) {
  return useQuery({ queryKey: [...tasksKey(organisationId), 'summary'], queryFn: () => get<TaskSummary>(`${base(organisationId)}/summary`) });
}

export interface BoardFilters {
  from?: string | undefined;
  weeks?: number;
  mine?: string | undefined;
  ownerUserId?: string | undefined;
  source?: string | undefined;
}

export function useTaskBoard(organisationId: string, filters: BoardFilters) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  return useQuery({
    queryKey: [...tasksKey(organisationId), 'board', params.toString()],
    queryFn: () => get<TaskBoard>(`${base(organisationId)}/board?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
}

export function useTask(organisationId: string, taskId: string) {
  const locale = currentLocale();
  return useQuery({
    queryKey: [...tasksKey(organisationId), 'task', taskId, locale],
    queryFn: () => get<TaskDetail>(withLocale(`${base(organisationId)}/${taskId}`)),
  });
}

/** What a link may point to: up to 50 entries of a kind whose name or number contains `q`. */
export function useLinkTargets(organisationId: string, kind: TaskLinkKind, q: string) {
  const params = new URLSearchParams({ kind, locale: currentLocale() });
  if (q) params.set('q', q);
  return useQuery({
    queryKey: [...tasksKey(organisationId), 'link-targets', params.toString()],
    queryFn: () => get<TaskLinkTarget[]>(`${base(organisationId)}/link-targets?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(organisationId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: tasksKey(organisationId) });
}

export function useSaveTask(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: ({ id, update, input }: { id?: string | undefined; update?: TaskUpdate; input?: TaskInput }) =>
      id ? put<TaskDetail>(withLocale(`${base(organisationId)}/${id}`), update) : post<TaskDetail>(withLocale(base(organisationId)), input),
    onSuccess: invalidate,
    onError: (error) => (isApiError(error, 'task.revision_conflict') ? invalidate() : undefined),
  });
}

export function useCompleteTask(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: ({ id, reopen }: { id: string; reopen?: boolean }) =>
      post<TaskDetail>(withLocale(`${base(organisationId)}/${id}/${reopen ? 'reopen' : 'complete'}`)),
    onSuccess: invalidate,
  });
}

export function useDeleteTask(organisationId: string, onDeleted?: () => void) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: (taskId: string) => del(`${base(organisationId)}/${taskId}`),
    onSuccess: () => {
      onDeleted?.();
      return invalidate();
    },
  });
}

export function useAddComment(organisationId: string, taskId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: (body: string) => post<TaskComment>(`${base(organisationId)}/${taskId}/comments`, { body }),
    onSuccess: invalidate,
  });
}

// The recurring cycle.

export function useTaskTemplates(organisationId: string) {
  const locale = currentLocale();
  return useQuery({
    queryKey: [...tasksKey(organisationId), 'templates', locale],
    queryFn: () => get<TaskTemplate[]>(withLocale(`${base(organisationId)}/templates`)),
  });
}

export function useSaveTemplate(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: ({ id, update, input }: { id?: string | undefined; update?: TaskTemplateUpdate; input?: TaskTemplateInput }) =>
      id
        ? put<TaskTemplate>(withLocale(`${base(organisationId)}/templates/${id}`), update)
        : post<TaskTemplate>(withLocale(`${base(organisationId)}/templates`), input),
    onSuccess: invalidate,
    onError: (error) => (isApiError(error, 'task.revision_conflict') ? invalidate() : undefined),
  });
}

export function useDeleteTemplate(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({ mutationFn: (id: string) => del(`${base(organisationId)}/templates/${id}`), onSuccess: invalidate });
}

export function useResetTemplates(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({ mutationFn: (_: string) => post<TaskTemplate[]>(withLocale(`${base(organisationId)}/templates/reset`)), onSuccess: invalidate });
}

export function useStartRecurring(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: (startOn: string) => post<RecurringStarted>(withLocale(`${base(organisationId)}/recurring/start`), { startOn }),
    onSuccess: invalidate,
  });
}

/** Where a link leads in the app: the requirement, the record of its register, the incident. */
export function linkPath(organisationId: string, link: { kind: TaskLinkKind; targetId: string }): string {
  const o = `/o/${organisationId}`;
  switch (link.kind) {
    case 'requirement':
      return `${o}/catalog/${encodeURIComponent(link.targetId)}`;
    case 'risk':
      return `${o}/risks/${link.targetId}`;
    case 'asset':
      return `${o}/assets/${link.targetId}`;
    case 'supplier':
      return `${o}/suppliers/${link.targetId}`;
    case 'person':
      return `${o}/staff/${link.targetId}`;
    case 'incident':
      return `${o}/incidents/${link.targetId}`;
  }
}

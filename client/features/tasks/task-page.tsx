import { Alert, Anchor, Badge, Button, Card, Divider, Group, Modal, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { taskCommentInputSchema } from '../../../domain/tasks/tasks.schema.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useSession } from '../auth/auth.api.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { TaskForm } from './task-form.tsx';
import { DueOn, TaskStatusBadge } from './task-parts.tsx';
import { linkPath, type TaskDetail, useAddComment, useCompleteTask, useDeleteTask, useTask } from './tasks.api.ts';

/** One task: what, who, by when, what it serves (links to the records), its comments, and done or not. */
export function TaskPage() {
  const { t } = useTranslation();
  const { organisationId = '', taskId = '' } = useParams();
  const navigate = useNavigate();
  const organisation = useOrganisation(organisationId);
  const session = useSession();
  const task = useTask(organisationId, taskId);
  const complete = useCompleteTask(organisationId);
  const remove = useDeleteTask(organisationId, () => navigate(`/o/${organisationId}/tasks`));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState<TaskDetail | null>(null);

  if (organisation.isPending || task.isPending) return <PageLoader />;
  if (organisation.error || task.error) return <ErrorAlert error={organisation.error ?? task.error} />;
  const can = permissionsOf(organisation.data.me);
  const me = session.data?.state === 'active' ? session.data.user.id : null;
  const x = task.data;
  // Staff work on the tasks they own; the server checks the same (decision 031).
  const mayWork = can.editTasks || (can.workOnTasks && x.ownerUserId === me);
  const finished = x.status === 'done' || x.status === 'cancelled';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/tasks`} size="sm">
        ← {t('tasks.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 360px' }}>
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              {t('tasks.detail.kicker')}
            </Text>
            {x.source !== 'manual' && (
              <Badge variant="outline" color="gray" size="sm">
                {x.source === 'roadmap' && x.roadmapWeek ? t('tasks.detail.roadmapWeek', { week: x.roadmapWeek }) : t(`tasks.source.${x.source}`)}
              </Badge>
            )}
          </Group>
          <Title order={1} size="h2" data-testid="task-title">
            {x.title}
          </Title>
          <Group gap="xs">
            <TaskStatusBadge status={x.status} />
            {x.template && (
              <Badge variant="light" color="grape">
                {t('tasks.detail.recurring', { rhythm: t(`tasks.rhythm.${x.template.rhythm}`) })}
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          {mayWork &&
            (finished ? (
              <Button variant="default" loading={complete.isPending} onClick={() => complete.mutate({ id: x.id, reopen: true })} data-testid="task-reopen">
                {t('tasks.reopen')}
              </Button>
            ) : (
              <Button color="teal" loading={complete.isPending} onClick={() => complete.mutate({ id: x.id })} data-testid="task-complete">
                ✓ {t('tasks.complete')}
              </Button>
            ))}
          {can.editTasks && (
            <Button variant="light" onClick={() => setEditing(true)} data-testid="task-edit">
              {t('common.edit')}
            </Button>
          )}
          {can.editTasks && (
            <Button variant="subtle" color="red" onClick={() => setDeleting(x)}>
              {t('tasks.delete')}
            </Button>
          )}
        </Group>
      </Group>
      {complete.error && <ErrorAlert error={complete.error} />}
      {!mayWork && can.workOnTasks && !finished && (
        <Text size="sm" c="dimmed">
          {t('tasks.detail.notOwner')}
        </Text>
      )}
      {x.next && (
        <Alert color="teal" variant="light" data-testid="task-next">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              {x.next.dueOn ? t('tasks.detail.next', { date: formatCalendarDate(x.next.dueOn) }) : t('tasks.detail.nextNoDate')}: {x.next.title}
            </Text>
            <Anchor component={Link} to={`/o/${organisationId}/tasks/${x.next.id}`} size="sm" data-testid="task-next-link">
              {t('tasks.detail.openNext')} →
            </Anchor>
          </Group>
        </Alert>
      )}
      {x.template && !x.template.active && !finished && (
        <Alert color="gray" variant="light">
          {t('tasks.detail.templateOff')}
        </Alert>
      )}

      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('tasks.field.dueOn')}
            </Text>
            <DueOn dueOn={x.dueOn} overdue={x.overdue} />
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('tasks.detail.owner')}
            </Text>
            <Text size="sm" data-testid="task-owner-name">
              {x.ownerName ?? t('tasks.nobody')}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('tasks.field.status')}
            </Text>
            <Text size="sm" data-testid="task-done-by">
              {x.doneAt
                ? x.doneByName
                  ? t('tasks.detail.done', { date: formatDateTime(x.doneAt), name: x.doneByName })
                  : t('tasks.detail.doneNoName', { date: formatDateTime(x.doneAt) })
                : t(`tasks.status.${x.status}`)}
            </Text>
          </Stack>
        </SimpleGrid>
        {x.description && (
          <>
            <Divider my="md" />
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {x.description}
            </Text>
          </>
        )}
        <Text size="xs" c="dimmed" mt="md">
          {x.createdByName
            ? t('tasks.detail.created', { date: formatDateTime(x.createdAt), name: x.createdByName })
            : t('tasks.detail.createdNoName', { date: formatDateTime(x.createdAt) })}
        </Text>
      </Card>

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('tasks.detail.links')}
          </Title>
          {x.links.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('tasks.detail.noLinks')}
            </Text>
          ) : (
            <Stack gap={6} data-testid="task-links">
              {x.links.map((link) => (
                <Group key={`${link.kind}/${link.targetId}`} gap="xs" wrap="nowrap">
                  <Badge variant="outline" size="sm" style={{ flexShrink: 0 }}>
                    {t(`tasks.linkKind.${link.kind}`)}
                  </Badge>
                  {link.label ? (
                    <Anchor component={Link} to={linkPath(organisationId, link)} size="sm">
                      {link.reference ? `${link.reference} · ` : ''}
                      {link.label}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {link.kind === 'requirement' ? link.targetId : t('tasks.detail.deleted')}
                    </Text>
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      </Card>

      <Comments task={x} organisationId={organisationId} canComment={can.workOnTasks} />

      <Modal opened={editing} onClose={() => setEditing(false)} title={t('tasks.edit')} size="lg">
        {editing && <TaskForm organisationId={organisationId} task={x} onDone={() => setEditing(false)} />}
      </Modal>
      <ConfirmModal
        subject={deleting}
        title={t('tasks.deleteTitle')}
        text={t('tasks.deleteText', { title: deleting?.title ?? '' })}
        confirmLabel={t('tasks.delete')}
        mutation={remove}
        keyOf={(d) => d.id}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

function Comments({ task, organisationId, canComment }: { task: TaskDetail; organisationId: string; canComment: boolean }) {
  const { t } = useTranslation();
  const add = useAddComment(organisationId, task.id);
  const schemaForm = useSchemaForm<{ body: string }>({ schema: taskCommentInputSchema, initialValues: { body: '' } });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) =>
    add.mutate(taskCommentInputSchema.parse(values).body, { onSuccess: () => form.reset(), onError: schemaForm.showError }),
  );
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('tasks.comments.title')}
        </Title>
        {task.comments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('tasks.comments.empty')}
          </Text>
        ) : (
          <Stack gap="sm" data-testid="task-comments">
            {task.comments.map((comment) => (
              <Stack key={comment.id} gap={2}>
                <Text size="xs" c="dimmed">
                  {comment.authorName ?? t('tasks.comments.formerMember')} · {formatDateTime(comment.createdAt)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {comment.body}
                </Text>
              </Stack>
            ))}
          </Stack>
        )}
        {canComment && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Textarea
                label={t('tasks.comments.label')}
                placeholder={t('tasks.comments.placeholder')}
                autosize
                minRows={2}
                {...form.getInputProps('body')}
                data-testid="task-comment-input"
              />
              <FormProblems form={schemaForm} />
              <Group justify="flex-end">
                <Button type="submit" variant="light" loading={add.isPending} data-testid="task-comment-submit">
                  {t('tasks.comments.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

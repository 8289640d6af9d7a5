import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type TaskLink, taskInputSchema, taskUpdateSchema } from '../../../domain/tasks/tasks.schema.ts';
import { DateInput } from '../../components/date-input.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useMembers } from '../users/users.api.ts';
import { LinkEditor, type LinkLabel, linkKey } from './link-editor.tsx';
import { type TaskDetail, useSaveTask } from './tasks.api.ts';

interface TaskValues extends Record<string, unknown> {
  title: string;
  description: string;
  ownerUserId: string;
  dueOn: string;
  status: string;
  links: TaskLink[];
}

/** Creates or changes a task: what, who, by when, what it serves; a change also sets the status. */
export function TaskForm({ organisationId, task, onDone }: { organisationId: string; task: TaskDetail | null; onDone: (task: TaskDetail) => void }) {
  const { t } = useTranslation();
  const save = useSaveTask(organisationId);
  const members = useMembers(organisationId);
  const [labels, setLabels] = useState(() => new Map<string, LinkLabel>((task?.links ?? []).map((l) => [linkKey(l), l])));
  const toInput = (values: TaskValues) => ({
    title: values.title,
    description: values.description,
    ownerUserId: values.ownerUserId || null,
    dueOn: values.dueOn || null,
    links: values.links,
    ...(task ? { status: values.status, revision: task.revision } : {}),
  });
  const schemaForm = useSchemaForm<TaskValues>({
    schema: task ? taskUpdateSchema : taskInputSchema,
    toInput,
    initialValues: {
      title: task?.title ?? '',
      description: task?.description ?? '',
      ownerUserId: task?.ownerUserId ?? '',
      dueOn: task?.dueOn ?? '',
      status: task?.status ?? 'open',
      links: (task?.links ?? []).map(({ kind, targetId }) => ({ kind, targetId })),
    },
  });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => {
    const body = toInput(values);
    save.mutate(task ? { id: task.id, update: taskUpdateSchema.parse(body) } : { input: taskInputSchema.parse(body) }, {
      onSuccess: onDone,
      onError: schemaForm.showError,
    });
  });
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.userId, label: m.name }));
  // A former member stays selectable as the current owner until someone else is chosen.
  if (task?.ownerUserId && !memberOptions.some((o) => o.value === task.ownerUserId)) {
    memberOptions.push({ value: task.ownerUserId, label: task.ownerName ?? t('tasks.comments.formerMember') });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="task-form">
      <Stack gap="sm">
        <TextInput label={t('tasks.field.title')} required {...form.getInputProps('title')} />
        <Textarea label={t('tasks.field.description')} autosize minRows={2} maxRows={10} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: task ? 3 : 2 }} spacing="sm">
          <Select
            label={t('tasks.field.ownerUserId')}
            placeholder={t('tasks.nobody')}
            data={memberOptions}
            clearable
            searchable
            {...form.getInputProps('ownerUserId')}
            onChange={(value) => form.setFieldValue('ownerUserId', value ?? '')}
            data-testid="task-owner"
          />
          <DateInput label={t('tasks.field.dueOn')} {...form.getInputProps('dueOn')} />
          {task && (
            <Select
              label={t('tasks.field.status')}
              data={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          )}
        </SimpleGrid>
        <LinkEditor
          organisationId={organisationId}
          label={t('tasks.field.links')}
          value={form.getValues().links}
          labels={labels}
          errors={form.errors}
          onChange={(links, next) => {
            setLabels(next);
            form.setFieldValue('links', links);
          }}
        />
        <FormProblems form={schemaForm} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="task-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

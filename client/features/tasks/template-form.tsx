import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_RHYTHMS, type TaskLink, taskTemplateInputSchema, taskTemplateUpdateSchema } from '../../../domain/tasks/tasks.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useMembers } from '../users/users.api.ts';
import { LinkEditor, type LinkLabel, linkKey } from './link-editor.tsx';
import { type TaskTemplate, useSaveTemplate } from './tasks.api.ts';

interface TemplateValues extends Record<string, unknown> {
  title: string;
  description: string;
  rhythm: string;
  active: boolean;
  defaultOwnerUserId: string;
  links: TaskLink[];
}

/** The body of a template change as the server takes it, from a template as the list shows it. */
export function templateUpdate(template: TaskTemplate, change: Partial<TemplateValues> = {}) {
  return taskTemplateUpdateSchema.parse({
    title: change.title ?? template.title,
    description: change.description ?? template.description,
    rhythm: change.rhythm ?? template.rhythm,
    active: change.active ?? template.active,
    defaultOwnerUserId: (change.defaultOwnerUserId ?? template.defaultOwnerUserId) || null,
    links: change.links ?? template.links.map(({ kind, targetId }) => ({ kind, targetId })),
    revision: template.revision,
  });
}

/**
 * Adds one of the organisation's own recurring tasks or changes any template. A built-in text left as it is stays the
 * default and keeps following the reader's language (the server compares it with the shipped texts).
 */
export function TemplateForm({ organisationId, template, onDone }: { organisationId: string; template: TaskTemplate | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTemplate(organisationId);
  const members = useMembers(organisationId);
  const [labels, setLabels] = useState(() => new Map<string, LinkLabel>((template?.links ?? []).map((l) => [linkKey(l), l])));
  const toInput = (values: TemplateValues) => ({
    title: values.title,
    description: values.description,
    rhythm: values.rhythm,
    active: values.active,
    defaultOwnerUserId: values.defaultOwnerUserId || null,
    links: values.links,
    ...(template ? { revision: template.revision } : {}),
  });
  const schemaForm = useSchemaForm<TemplateValues>({
    schema: template ? taskTemplateUpdateSchema : taskTemplateInputSchema,
    toInput,
    initialValues: {
      title: template?.title ?? '',
      description: template?.description ?? '',
      rhythm: template?.rhythm ?? 'yearly',
      active: template?.active ?? true,
      defaultOwnerUserId: template?.defaultOwnerUserId ?? '',
      links: (template?.links ?? []).map(({ kind, targetId }) => ({ kind, targetId })),
    },
  });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => {
    const body = toInput(values);
    save.mutate(template ? { id: template.id, update: taskTemplateUpdateSchema.parse(body) } : { input: taskTemplateInputSchema.parse(body) }, {
      onSuccess: onDone,
      onError: schemaForm.showError,
    });
  });
  return (
    <form onSubmit={submit} noValidate data-testid="task-template-form">
      <Stack gap="sm">
        <TextInput label={t('tasks.templates.field.title')} required {...form.getInputProps('title')} />
        <Textarea label={t('tasks.templates.field.description')} autosize minRows={3} maxRows={10} {...form.getInputProps('description')} />
        {template?.builtInKey && (
          <Text size="xs" c="dimmed">
            {t('tasks.templates.defaultText')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('tasks.templates.field.rhythm')}
            data={TASK_RHYTHMS.map((r) => ({ value: r, label: t(`tasks.rhythm.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps('rhythm')}
          />
          <Select
            label={t('tasks.templates.field.defaultOwnerUserId')}
            placeholder={t('tasks.nobody')}
            data={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
            clearable
            {...form.getInputProps('defaultOwnerUserId')}
            onChange={(value) => form.setFieldValue('defaultOwnerUserId', value ?? '')}
          />
        </SimpleGrid>
        <Checkbox label={t('tasks.templates.field.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <LinkEditor
          organisationId={organisationId}
          label={t('tasks.templates.field.links')}
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
          <Button type="submit" loading={save.isPending} data-testid="task-template-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

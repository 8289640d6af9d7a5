import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { practiceDay } from '../../../domain/tasks/task-rules.ts';
import { recurringStartSchema } from '../../../domain/tasks/tasks.schema.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { linkText } from './link-editor.tsx';
import {
  linkPath,
  type RecurringStarted,
  type TaskTemplate,
  useDeleteTemplate,
  useResetTemplates,
  useSaveTemplate,
  useStartRecurring,
  useTaskTemplates,
} from './tasks.api.ts';
import { TemplateForm, templateUpdate } from './template-form.tsx';

/** Wiederkehrende Aufgaben: the templates of the cycle after the roadmap, editable per organisation, and its start. */
export function TaskTemplatesPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const templates = useTaskTemplates(organisationId);
  const save = useSaveTemplate(organisationId);
  const remove = useDeleteTemplate(organisationId);
  const reset = useResetTemplates(organisationId);
  const [editing, setEditing] = useState<TaskTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TaskTemplate | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);

  if (organisation.isPending || templates.isPending) return <PageLoader />;
  if (organisation.error || templates.error) return <ErrorAlert error={organisation.error ?? templates.error} />;
  const can = permissionsOf(organisation.data.me);
  const base = `/o/${organisationId}/tasks`;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={base} size="sm">
        ← {t('tasks.templates.back')}
      </Anchor>
      <PageHeader
        title={t('tasks.templates.title')}
        description={t('tasks.templates.description')}
        actions={
          can.editTasks && (
            <Group gap="xs">
              <Button variant="default" onClick={() => setResetting('reset')}>
                {t('tasks.templates.reset')}
              </Button>
              <Button onClick={() => setEditing('new')} data-testid="task-template-add">
                {t('tasks.templates.add')}
              </Button>
            </Group>
          )
        }
      />
      {can.editTasks && <StartCard organisationId={organisationId} />}
      {save.error && <ErrorAlert error={save.error} />}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="md" striped data-testid="task-templates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tasks.templates.column.title')}</Table.Th>
                <Table.Th w={140}>{t('tasks.templates.column.rhythm')}</Table.Th>
                <Table.Th w={150}>{t('tasks.templates.column.owner')}</Table.Th>
                <Table.Th w={130}>{t('tasks.templates.column.next')}</Table.Th>
                <Table.Th w={70}>{t('tasks.templates.column.active')}</Table.Th>
                {can.editTasks && <Table.Th w={150} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.map((template) => (
                <Table.Tr key={template.id} data-testid={`task-template-${template.builtInKey ?? template.id}`}>
                  <Table.Td>
                    <Stack gap={4}>
                      <Group gap={6}>
                        <Text size="sm" fw={500}>
                          {template.title}
                        </Text>
                        <Badge size="xs" variant="light" color={template.builtInKey ? 'gray' : 'blue'}>
                          {template.builtInKey ? t('tasks.templates.builtIn') : t('tasks.templates.own')}
                        </Badge>
                        {template.builtInKey && template.ownText && (
                          <Badge size="xs" variant="outline" color="gray">
                            {t('tasks.templates.ownText')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {template.description}
                      </Text>
                      {template.source && (
                        <Text size="xs" c="dimmed">
                          {t('tasks.templates.sourceIs', { source: template.source })}
                        </Text>
                      )}
                      {template.links.length > 0 && (
                        <Text size="xs">
                          {template.links.map((link, index) => (
                            <span key={`${link.kind}/${link.targetId}`}>
                              {index > 0 && ' · '}
                              <Anchor component={Link} to={linkPath(organisationId, link)} size="xs" title={linkText(link, link.targetId)}>
                                {link.reference ?? link.label ?? link.targetId}
                              </Anchor>
                            </span>
                          ))}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`tasks.rhythm.${template.rhythm}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={template.defaultOwnerName ? undefined : 'dimmed'}>
                      {template.defaultOwnerName ?? t('tasks.nobody')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {template.openTask ? (
                      <Anchor component={Link} to={`${base}/${template.openTask.id}`} size="sm" data-testid="task-template-open">
                        {formatCalendarDate(template.openTask.dueOn)}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('tasks.templates.notRunning')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={template.active}
                      disabled={!can.editTasks || save.isPending}
                      aria-label={template.active ? t('tasks.templates.on') : t('tasks.templates.off')}
                      onChange={(event) => save.mutate({ id: template.id, update: templateUpdate(template, { active: event.currentTarget.checked }) })}
                    />
                  </Table.Td>
                  {can.editTasks && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(template)}>
                          {t('common.edit')}
                        </Button>
                        {!template.builtInKey && (
                          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(template)}>
                            {t('tasks.delete')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('tasks.templates.add') : t('tasks.templates.edit')}
        size="lg"
      >
        {editing !== null && <TemplateForm organisationId={organisationId} template={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmModal
        subject={deleting}
        title={t('tasks.templates.deleteTitle')}
        text={t('tasks.templates.deleteText', { title: deleting?.title ?? '' })}
        confirmLabel={t('tasks.delete')}
        mutation={remove}
        keyOf={(x) => x.id}
        onClose={() => setDeleting(null)}
      />
      <ConfirmModal
        subject={resetting}
        title={t('tasks.templates.resetTitle')}
        text={t('tasks.templates.resetText')}
        confirmLabel={t('tasks.templates.reset')}
        color="orange"
        mutation={reset}
        keyOf={(x) => x}
        onClose={() => setResetting(null)}
      />
    </Stack>
  );
}

/** Starts the cycle: the first task of every active template without an open one, one rhythm after the start day. */
function StartCard({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const start = useStartRecurring(organisationId);
  const [result, setResult] = useState<RecurringStarted | null>(null);
  const schemaForm = useSchemaForm<{ startOn: string }>({ schema: recurringStartSchema, initialValues: { startOn: practiceDay(new Date()) } });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) =>
    start.mutate(recurringStartSchema.parse(values).startOn, { onSuccess: setResult, onError: schemaForm.showError }),
  );
  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('tasks.templates.startTitle')}
          </Title>
          <Text size="sm">{t('tasks.templates.startText')}</Text>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <DateInput label={t('tasks.templates.startOn')} required clearable={false} w={200} {...form.getInputProps('startOn')} />
            <Button type="submit" loading={start.isPending} data-testid="task-recurring-start">
              {t('tasks.templates.start')}
            </Button>
          </Group>
          <FormProblems form={schemaForm} />
          {result && (
            <Alert
              color={result.created.length > 0 ? 'teal' : 'gray'}
              variant="light"
              withCloseButton
              closeButtonLabel={t('tasks.closeNotice')}
              onClose={() => setResult(null)}
              data-testid="task-recurring-started"
            >
              {result.created.length > 0 ? t('tasks.templates.started', { count: result.created.length }) : t('tasks.templates.startedNone')}
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}

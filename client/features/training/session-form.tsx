import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sessionInputSchema } from '../../../domain/training/training.schema.ts';
import { DateInput } from '../../components/date-input.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { isApiError } from '../../lib/api.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { type SessionDetail, useSaveSession } from './training.api.ts';

interface SessionValues extends Record<string, unknown> {
  courseId: string;
  heldOn: string;
  trainer: string;
  locationId: string | null;
  notes: string;
}

/**
 * A session of a course: the day, the trainer and notes. New from the course page; changed on the session page with the
 * revision it was read at, so that a change saved meanwhile by someone else is reported instead of overwritten.
 */
export function SessionForm({
  organisationId,
  courseId,
  session,
  onDone,
}: {
  organisationId: string;
  courseId: string;
  session?: SessionDetail;
  onDone: (sessionId: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSession(organisationId);
  const schemaForm = useSchemaForm<SessionValues>({
    schema: sessionInputSchema,
    initialValues: {
      courseId,
      heldOn: session?.heldOn ?? '',
      trainer: session?.trainer ?? '',
      locationId: session?.locationId ?? null,
      notes: session?.notes ?? '',
    },
  });
  const { form } = schemaForm;
  const onError = (error: unknown) =>
    isApiError(error, 'training.revision_conflict') ? schemaForm.setProblems([t('training.sessionConflict')]) : schemaForm.showError(error);
  const submit = schemaForm.onSubmit((values) => {
    save.mutate({ id: session?.id, revision: session?.revision, input: sessionInputSchema.parse(values) }, { onSuccess: (saved) => onDone(saved.id), onError });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DateInput label={t('training.field.heldOn')} required {...form.getInputProps('heldOn')} />
        <TextInput label={t('training.field.trainer')} maxLength={200} {...form.getInputProps('trainer')} />
        <Textarea label={t('training.field.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <FormProblems form={schemaForm} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="session-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { courseInputSchema, trainingTopics } from '../../../domain/training/training.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { type Course, useSaveCourse } from './training.api.ts';

interface CourseValues extends Record<string, unknown> {
  title: string;
  topic: string;
  description: string;
  durationMinutes: number | string;
  recurrenceMonths: number | string;
  mandatory: boolean;
}

/** Records or changes a course: what is taught, how long, how often it is repeated, whether everyone must attend. */
export function CourseForm({ organisationId, course, onDone }: { organisationId: string; course: Course | null; onDone: (course: Course) => void }) {
  const { t } = useTranslation();
  const save = useSaveCourse(organisationId);
  const schemaForm = useSchemaForm<CourseValues>({
    schema: courseInputSchema,
    initialValues: {
      title: course?.title ?? '',
      topic: course?.topic ?? 'phishing',
      description: course?.description ?? '',
      durationMinutes: course?.durationMinutes ?? 45,
      recurrenceMonths: course?.recurrenceMonths ?? 12,
      mandatory: course?.mandatory ?? true,
    },
  });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => {
    const input = courseInputSchema.parse(values);
    save.mutate({ id: course?.id, revision: course?.revision, input }, { onSuccess: onDone, onError: schemaForm.showError });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('training.field.title')} required {...form.getInputProps('title')} />
        <Select
          label={t('training.field.topic')}
          data={trainingTopics.map((topic) => ({ value: topic, label: t(`training.topic.${topic}`) }))}
          allowDeselect={false}
          {...form.getInputProps('topic')}
        />
        <Group grow>
          <NumberInput label={t('training.field.durationMinutes')} min={1} max={600} {...form.getInputProps('durationMinutes')} />
          <NumberInput label={t('training.field.recurrenceMonths')} min={1} max={60} {...form.getInputProps('recurrenceMonths')} />
        </Group>
        <Checkbox label={t('training.field.mandatory')} description={t('training.mandatoryHint')} {...form.getInputProps('mandatory', { type: 'checkbox' })} />
        <Textarea label={t('training.field.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <FormProblems form={schemaForm} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

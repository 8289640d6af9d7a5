import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PEOPLE_RETENTION_MAX_MONTHS, peopleRetentionInputSchema } from '../../../domain/people/people.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useSetRetention } from './people.api.ts';

interface RetentionValues extends Record<string, unknown> {
  months: number | '';
}

/**
 * How long a leaver's entry is kept after the end date before it may be deleted (issue 10, item 5). The training
 * records stay, anonymised, when the person is deleted, so the coverage does not change.
 */
export function RetentionForm({
  organisationId,
  months,
  onDone,
  onCancel,
}: {
  organisationId: string;
  months: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSetRetention(organisationId);
  const schemaForm = useSchemaForm<RetentionValues>({ schema: peopleRetentionInputSchema, initialValues: { months } });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => save.mutate(Number(values.months), { onSuccess: onDone, onError: (error) => schemaForm.showError(error) }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('staff.retention.intro')}</Text>
        <NumberInput
          label={t('staff.retention.label')}
          description={t('staff.retention.hint', { max: PEOPLE_RETENTION_MAX_MONTHS })}
          min={0}
          max={PEOPLE_RETENTION_MAX_MONTHS}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          maw={240}
          data-testid="retention-months"
          {...form.getInputProps('months')}
        />
        <FormProblems form={schemaForm} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="retention-save">
            {t('staff.retention.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

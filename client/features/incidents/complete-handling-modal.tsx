import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { completeHandlingSchema } from '../../../domain/incidents/incident.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { fieldErrors } from '../../lib/form-errors.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { berlinInstant, berlinParts, isInFuture } from './berlin-time.ts';
import { BerlinDateTimeInputs } from './incident-parts.tsx';
import { useCompleteHandling } from './incidents.api.ts';
import { isBeforeNoticed } from './report-dialogs.tsx';

/** "Bearbeitung abgeschlossen": when handling ended (moves the final report, § 32 Abs. 2 BSIG). */
export function CompleteHandlingModal({
  organisationId,
  incidentId,
  opened,
  onClose,
}: {
  organisationId: string;
  incidentId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const complete = useCompleteHandling(organisationId, incidentId);
  // The form holds the Berlin date and time as typed; the schema checks the instant they make (the request body).
  const schemaForm = useSchemaForm<{ date: string; time: string }>({
    schema: completeHandlingSchema,
    initialValues: berlinParts(),
    toInput: (values) => ({ completedAt: berlinInstant(values.date, values.time) ?? '' }),
  });
  const { form } = schemaForm;
  const values = form.getValues();
  const setPart = (part: 'date' | 'time', value: string) => {
    form.setFieldValue(part, value);
    form.clearFieldError('completedAt');
  };
  const submit = schemaForm.onSubmit((typed) => {
    const completedAt = berlinInstant(typed.date, typed.time);
    if (!completedAt) return form.setFieldError('completedAt', t('incidents.submit.whenRequired'));
    if (isInFuture(completedAt)) return form.setFieldError('completedAt', t('incidents.submit.inFuture'));
    complete.mutate(
      { completedAt },
      {
        onSuccess: onClose,
        onError: (failure) => {
          // The server's issue is at `completedAt`, which the form shows under the date/time pair.
          const { fields, rest } = fieldErrors(t, failure, { completedAt: '' });
          const atWhen = isBeforeNoticed(failure) ? t('incidents.submit.beforeNoticed') : fields.completedAt;
          if (atWhen) form.setFieldError('completedAt', atWhen);
          schemaForm.setProblems(isBeforeNoticed(failure) ? [] : rest);
        },
      },
    );
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('incidents.complete.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('incidents.complete.intro')}</Text>
          <BerlinDateTimeInputs
            date={values.date}
            time={values.time}
            onDate={(date) => setPart('date', date)}
            onTime={(time) => setPart('time', time)}
            dateLabel={t('incidents.submit.date')}
            timeLabel={t('incidents.submit.time')}
            error={typeof form.errors.completedAt === 'string' ? form.errors.completedAt : null}
          />
          <FormProblems form={schemaForm} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={complete.isPending}>
              {t('incidents.complete.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../lib/form-errors.ts';
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
  const [when, setWhen] = useState(berlinParts);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const completedAt = berlinInstant(when.date, when.time);
    if (!completedAt) return setError(t('incidents.submit.whenRequired'));
    if (isInFuture(completedAt)) return setError(t('incidents.submit.inFuture'));
    setError(null);
    complete.mutate(
      { completedAt },
      {
        onSuccess: onClose,
        onError: (failure) => {
          const { fields, rest } = fieldErrors(t, failure, { completedAt: '' });
          setError(isBeforeNoticed(failure) ? t('incidents.submit.beforeNoticed') : (fields.completedAt ?? rest.join(' ')));
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('incidents.complete.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('incidents.complete.intro')}</Text>
          <BerlinDateTimeInputs
            date={when.date}
            time={when.time}
            onDate={(date) => setWhen((w) => ({ ...w, date }))}
            onTime={(time) => setWhen((w) => ({ ...w, time }))}
            dateLabel={t('incidents.submit.date')}
            timeLabel={t('incidents.submit.time')}
            error={error}
          />
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

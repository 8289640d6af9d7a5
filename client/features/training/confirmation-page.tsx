import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatCalendarDate, formatDate } from '../../lib/format.ts';
import { useConfirmAttendance, useConfirmationOffer } from './training.api.ts';

/**
 * The page of a one-time confirmation link (no sign-in): it says plainly what the person confirms (this course, on
 * this day) and confirms once. A used link says that the attendance is already confirmed.
 */
export function TrainingConfirmationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const offer = useConfirmationOffer(token);
  const confirm = useConfirmAttendance(token);

  if (offer.isPending) return <PageLoader />;
  const done = confirm.data;
  const used = isApiError(offer.error, 'training.confirmation_used') || isApiError(confirm.error, 'training.confirmation_used');
  if (done || used) {
    return (
      <PublicLayout title={t('training.confirm.title')}>
        <Alert color="teal" variant="light" data-testid="training-confirmation-done">
          {done
            ? t('training.confirm.done', { name: done.firstName, course: done.courseTitle, date: formatCalendarDate(done.heldOn) })
            : t('training.confirm.already')}
        </Alert>
      </PublicLayout>
    );
  }
  if (offer.error) {
    return (
      <PublicLayout title={t('training.confirm.title')}>
        <ErrorAlert error={offer.error} />
      </PublicLayout>
    );
  }
  const o = offer.data!;
  return (
    <PublicLayout title={t('training.confirm.title')}>
      <Stack gap="md">
        <Text>{t('training.confirm.hello', { name: o.firstName })}</Text>
        <Text>
          {t('training.confirm.what', {
            organisation: o.organisationName,
            course: o.courseTitle,
            date: formatCalendarDate(o.heldOn),
            minutes: o.durationMinutes,
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('training.confirm.once', { date: formatDate(o.expiresAt) })}
        </Text>
        {confirm.error && <ErrorAlert error={confirm.error} />}
        <Button onClick={() => confirm.mutate()} loading={confirm.isPending} w="fit-content" data-testid="training-confirm">
          {t('training.confirm.button')}
        </Button>
        <Text size="sm">{t('training.confirm.notYou')}</Text>
      </Stack>
    </PublicLayout>
  );
}

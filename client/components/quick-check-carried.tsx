import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { carriedQuickCheck } from '../features/quickcheck/quickcheck.api.ts';

type Carried = NonNullable<ReturnType<typeof carriedQuickCheck>>;

/** Says that the quick-check answers go along with the organisation being created, with a way to leave them out. */
export function QuickCheckCarried({ carried, onDiscard }: { carried: Carried; onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" title={t('quickCheck.carried.title')} data-testid="quick-check-carried" mb="md">
      <Text size="sm">{t('quickCheck.carried.text', { answered: carried.answered, score: carried.score })}</Text>
      <Button size="compact-sm" variant="subtle" color="gray" mt="xs" onClick={onDiscard}>
        {t('quickCheck.carried.discard')}
      </Button>
    </Alert>
  );
}

import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { requirementStart, type StartDateFacts } from '../../domain/kbv/start-date.ts';
import { formatDate } from '../lib/format.ts';

/**
 * Since when a requirement applies, with the one date of the 2025 KBV revision explained: carried-over requirements
 * have applied since 2021, new ones since 2025-10-01. The browser's date is close enough for "seit"/"ab".
 */
export function RequirementStartText({ requirement }: { requirement: StartDateFacts }) {
  const { t } = useTranslation();
  const start = requirementStart(requirement, new Date().toISOString().slice(0, 10));
  if (!start) return null;
  const text =
    start.kind === 'carried_over'
      ? t('catalogStart.carried_over', { year: start.firstYear, revised: formatDate(start.revisedSince) })
      : t(`catalogStart.${start.kind}`, { date: formatDate(start.date) });
  return (
    <>
      <Text size="sm" data-testid="requirement-start">
        {text}
      </Text>
      {start.kind !== 'since' && start.kind !== 'from' && (
        <Text size="xs" c="dimmed">
          {t('catalogStart.explained')}
        </Text>
      )}
    </>
  );
}

import { Alert, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { quickCheckLineKey, type RoadmapQuickCheck } from '../../../domain/roadmap/roadmap.ts';

const colours: Record<RoadmapQuickCheck['outcome'], string> = { confirm: 'teal', gap: 'red', contradicted: 'yellow' };

/** What the quick check carried over at setup says about a proposed task (decision 032, addendum): a badge and the reason. */
export function QuickCheckNote({ quickCheck }: { quickCheck: RoadmapQuickCheck }) {
  const { t } = useTranslation();
  const questions = quickCheck.questionIds.map((id) => t(`quickCheck.question.${id}.label`)).join(', ');
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="proposal-quick-check" data-outcome={quickCheck.outcome}>
      <Badge color={colours[quickCheck.outcome]} variant="light" style={{ flexShrink: 0 }}>
        {t(`roadmap.quickCheck.badge.${quickCheck.outcome}`)}
      </Badge>
      <Text size="sm" c="dimmed">
        {t(quickCheckLineKey(quickCheck), { questions })}
      </Text>
    </Group>
  );
}

/** Above the weeks, when the quick check changed anything: how it was taken into account. */
export function QuickCheckSummary({ items }: { items: readonly { quickCheck: RoadmapQuickCheck | null }[] }) {
  const { t } = useTranslation();
  if (!items.some((item) => item.quickCheck !== null)) return null;
  return (
    <Alert color="blue" variant="light" data-testid="roadmap-quick-check-summary">
      {t('roadmap.quickCheck.summary')}
    </Alert>
  );
}

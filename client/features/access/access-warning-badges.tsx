import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Account, accessWarningColor } from './access.api.ts';

/** A badge whose label wraps in a narrow column instead of being cut ("Ausgeschi…"). */
const wrapping = { root: { paddingBlock: 2 }, label: { whiteSpace: 'normal' as const } };

/** The warnings of one account as short badges; the tooltip names the requirements they affect. */
export function AccessWarningBadges({ warnings }: { warnings: Account['warnings'] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Group gap={4}>
      {warnings.map((warning) => (
        <Tooltip key={warning.kind} label={t('access.warningAffects', { requirements: warning.requirementIds.join(', ') })} withArrow multiline maw={300}>
          <Badge
            color={accessWarningColor(warning.kind)}
            variant="light"
            size="sm"
            tt="none"
            h="auto"
            radius="sm"
            styles={wrapping}
            data-testid={`access-warning-${warning.kind}`}
          >
            {t(`access.warning.${warning.kind}`, { count: warning.days ?? 0 })}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

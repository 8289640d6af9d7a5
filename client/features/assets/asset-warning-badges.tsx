import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Asset } from './assets.api.ts';

/** The warnings of one asset as short red/orange badges; the tooltip names the requirements they affect. */
export function AssetWarningBadges({ warnings }: { warnings: Asset['warnings'] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Group gap={4}>
      {warnings.map((warning) => (
        <Tooltip key={warning.kind} label={t('assets.warningAffects', { requirements: warning.requirementIds.join(', ') })} withArrow multiline maw={300}>
          <Badge color={warning.kind === 'support_ending' ? 'orange' : 'red'} variant="light" size="sm" style={{ textTransform: 'none' }}>
            {t(`assets.warning.${warning.kind}`, { count: Math.abs(warning.days ?? 0) })}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

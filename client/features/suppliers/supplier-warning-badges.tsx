import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Supplier, supplierWarningColor } from './suppliers.api.ts';

/** The text of one warning: with days for the dated ones ("C5-Testat endet in 30 Tagen"). */
export function useSupplierWarningTitle() {
  const { t } = useTranslation();
  return (warning: Supplier['warnings'][number]) =>
    warning.kind === 'c5_missing' && warning.days !== undefined
      ? t('suppliers.warning.c5_expired', { count: Math.abs(warning.days) })
      : t(`suppliers.warning.${warning.kind}`, { count: Math.abs(warning.days ?? 0) });
}

/** The warnings of one supplier as short badges; the tooltip names the requirements they affect. */
export function SupplierWarningBadges({ warnings }: { warnings: Supplier['warnings'] }) {
  const { t } = useTranslation();
  const title = useSupplierWarningTitle();
  if (warnings.length === 0) return null;
  return (
    <Group gap={4}>
      {warnings.map((warning) => (
        <Tooltip key={warning.kind} label={t('suppliers.warningAffects', { requirements: warning.requirementIds.join(', ') })} withArrow multiline maw={300}>
          <Badge color={supplierWarningColor(warning.kind)} variant="light" size="sm" style={{ textTransform: 'none' }}>
            {title(warning)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

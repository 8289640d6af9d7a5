import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequirementStatus } from '../../domain/compliance/requirement-status.schema.ts';

export const statusColors: Record<RequirementStatus, string> = {
  open: 'gray',
  in_progress: 'blue',
  implemented: 'teal',
  not_applicable: 'grape',
};

/** The status of a requirement in the words of the catalog ("offen", "in Arbeit", "umgesetzt", "nicht anwendbar"). */
export function StatusBadge({ status }: { status: RequirementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" style={{ flexShrink: 0 }}>
      {t(`requirementStatus.${status}`)}
    </Badge>
  );
}

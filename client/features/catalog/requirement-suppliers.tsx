import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { supplierWarningRequirements } from '../../../domain/suppliers/supplier-warnings.ts';
import { supplierWarningKinds } from '../../../domain/suppliers/suppliers.schema.ts';
import { useSupplierSummary } from '../suppliers/suppliers.api.ts';

/** Supplier warnings that concern this requirement (e.g. an ending C5 attestation for KBV Anlage 1 Nr. 50), linked. */
export function RequirementSupplierWarnings({ organisationId, requirementId }: { organisationId: string; requirementId: string }) {
  const { t } = useTranslation();
  const relevant = supplierWarningKinds.filter((kind) => supplierWarningRequirements[kind].includes(requirementId));
  const summary = useSupplierSummary(organisationId);
  if (relevant.length === 0 || !summary.data) return null;
  const found = relevant.filter((kind) => summary.data.warnings[kind] > 0);
  if (found.length === 0) return null;
  return (
    <Alert color="orange" title={t('suppliers.onRequirement.title')} data-testid="requirement-supplier-warnings">
      <Stack gap={4}>
        {found.map((kind) => (
          <Text size="sm" key={kind}>
            <Anchor component={Link} to={`/o/${organisationId}/suppliers?warning=${kind}`} size="sm" c="dark.8" fw={500}>
              {t('suppliers.onRequirement.line', { count: summary.data.warnings[kind], warning: t(`suppliers.warningFilter.${kind}`) })}
            </Anchor>
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

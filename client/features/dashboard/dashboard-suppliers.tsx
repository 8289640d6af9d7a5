import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { supplierWarningKinds } from '../../../domain/suppliers/suppliers.schema.ts';
import { supplierWarningColor, useSupplierSummary } from '../suppliers/suppliers.api.ts';

/** The suppliers at a glance: how many are recorded and what the warnings say, each a link to the filtered list. */
export function SuppliersCard({ organisationId, base }: { organisationId: string; base: string }) {
  const { t } = useTranslation();
  const summary = useSupplierSummary(organisationId);
  if (!summary.data) return null;
  const s = summary.data;
  const warnings = supplierWarningKinds.filter((kind) => s.warnings[kind] > 0);
  return (
    <Card withBorder padding="lg" data-testid="dashboard-suppliers">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {t('suppliers.title')}
          </Title>
          {s.total > 0 && (
            <Anchor component={Link} to={`${base}/suppliers`} size="sm">
              {t('suppliers.dashboard.count', { count: s.total })}
            </Anchor>
          )}
        </Group>
        {s.total === 0 ? (
          <Group justify="space-between" align="center">
            <Text size="sm">{t('suppliers.dashboard.empty')}</Text>
            <Button component={Link} to={`${base}/suppliers`} variant="light">
              {t('suppliers.dashboard.start')}
            </Button>
          </Group>
        ) : warnings.length === 0 ? (
          <Text size="sm" c="teal.8">
            {t('suppliers.view.noWarnings')}
          </Text>
        ) : (
          <Group gap="xs">
            {warnings.map((kind) => (
              <Anchor key={kind} component={Link} to={`${base}/suppliers?warning=${kind}`} underline="never">
                <Badge color={supplierWarningColor(kind)} variant="light" size="lg" style={{ textTransform: 'none', cursor: 'pointer' }}>
                  {t(`suppliers.warningFilter.${kind}`)}: {s.warnings[kind]}
                </Badge>
              </Anchor>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

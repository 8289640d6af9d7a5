import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assetWarningKinds } from '../../../domain/assets/assets.schema.ts';
import { useAssetSummary } from '../assets/assets.api.ts';

/** The inventory at a glance: how much is recorded and what the warnings say, each a link to the filtered list. */
export function RegistersCard({ organisationId, base }: { organisationId: string; base: string }) {
  const { t } = useTranslation();
  const summary = useAssetSummary(organisationId);
  if (!summary.data) return null;
  const s = summary.data;
  const warnings = assetWarningKinds.filter((kind) => s.warnings[kind] > 0);
  return (
    <Card withBorder padding="lg" data-testid="dashboard-assets">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {t('assets.title')}
          </Title>
          {s.total > 0 && (
            <Anchor component={Link} to={`${base}/assets`} size="sm">
              {t('assets.dashboard.count', { count: s.total })}
            </Anchor>
          )}
        </Group>
        {s.total === 0 ? (
          <Group justify="space-between" align="center">
            <Text size="sm">{t('assets.dashboard.empty')}</Text>
            <Button component={Link} to={`${base}/assets`} variant="light">
              {t('assets.dashboard.start')}
            </Button>
          </Group>
        ) : warnings.length === 0 ? (
          <Text size="sm" c="teal.8">
            {t('assets.view.noWarnings')}
          </Text>
        ) : (
          <Group gap="xs">
            {warnings.map((kind) => (
              <Anchor key={kind} component={Link} to={`${base}/assets?warning=${kind}`} underline="never">
                <Badge color={kind === 'support_ending' ? 'orange' : 'red'} variant="light" size="lg" style={{ textTransform: 'none', cursor: 'pointer' }}>
                  {t(`assets.warningFilter.${kind}`)}: {s.warnings[kind]}
                </Badge>
              </Anchor>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

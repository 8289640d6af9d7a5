import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useManagementOverview } from '../management/management.api.ts';

/** § 38 BSIG at a glance: which director's training or approval is missing, and whose training lapses soon. */
export function ManagementCard({ organisationId, base }: { organisationId: string; base: string }) {
  const { t } = useTranslation();
  const overview = useManagementOverview(organisationId);
  if (!overview.data) return null;
  const { directors } = overview.data;
  const names = (filter: (d: (typeof directors)[number]) => boolean) =>
    directors
      .filter(filter)
      .map((d) => d.name)
      .join(', ');
  const noTraining = names((d) => d.missing.includes('training'));
  const noApproval = names((d) => d.missing.includes('approval'));
  const dueSoon = names((d) => d.training.state === 'due_soon');
  return (
    <Card withBorder padding="lg" data-testid="dashboard-management">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {t('management.title')}
          </Title>
          <Anchor component={Link} to={`${base}/management`} size="sm">
            {t('management.dashboard.open')}
          </Anchor>
        </Group>
        {directors.length === 0 ? (
          <Text size="sm">{t('management.dashboard.none')}</Text>
        ) : !noTraining && !noApproval && !dueSoon ? (
          <Text size="sm" c="teal.8">
            {t('management.dashboard.complete')}
          </Text>
        ) : (
          <Stack gap={4}>
            {noTraining && (
              <Text size="sm" c="red.8">
                {t('management.dashboard.missingTraining', { names: noTraining })}
              </Text>
            )}
            {noApproval && (
              <Text size="sm" c="red.8">
                {t('management.dashboard.missingApproval', { names: noApproval })}
              </Text>
            )}
            {dueSoon && (
              <Text size="sm" c="orange.8">
                {t('management.dashboard.dueSoon', { names: dueSoon })}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

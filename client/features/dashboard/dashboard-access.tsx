import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccessSummary } from '../access/access.api.ts';

/**
 * Access at a glance: leavers who still have active access (KBV Anlage 1 Nr. 2), each a link to the person, and the
 * admin accounts without MFA (§ 30 Abs. 2 Nr. 10 BSIG), a link to the filtered list.
 */
export function AccessCard({ organisationId, base }: { organisationId: string; base: string }) {
  const { t } = useTranslation();
  const summary = useAccessSummary(organisationId);
  if (!summary.data) return null;
  const s = summary.data;
  const recorded = s.totalAccounts > 0;
  return (
    <Card withBorder padding="lg" data-testid="dashboard-access">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {t('access.dashboard.title')}
          </Title>
          {recorded && (
            <Anchor component={Link} to={`${base}/access`} size="sm">
              {t('access.dashboard.count', { count: s.activeAccounts })}
            </Anchor>
          )}
        </Group>
        {!recorded ? (
          <Group justify="space-between" align="center">
            <Text size="sm">{t('access.dashboard.empty')}</Text>
            <Button component={Link} to={`${base}/access`} variant="light">
              {t('access.dashboard.start')}
            </Button>
          </Group>
        ) : (
          <>
            {s.leavers.count === 0 ? (
              <Text size="sm" c="teal.8" data-testid="dashboard-no-leavers">
                {t('access.dashboard.noLeavers')}
              </Text>
            ) : (
              <Stack gap={4} data-testid="dashboard-leavers">
                <Anchor component={Link} to={`${base}/access?leaver=true`} size="sm" fw={600} c="red.8">
                  {t('access.dashboard.leavers')}: {s.leavers.count}
                </Anchor>
                {s.leavers.first.map((leaver) => (
                  <Anchor key={leaver.personId} component={Link} to={`${base}/staff/${leaver.personId}`} size="sm" data-testid="dashboard-leaver">
                    {t('access.dashboard.leaver', { name: leaver.name, count: leaver.daysSinceLeaving, active: leaver.activeAccounts })}
                  </Anchor>
                ))}
                {s.leavers.count > s.leavers.first.length && (
                  <Text size="xs" c="dimmed">
                    {t('access.dashboard.leaversMore', { count: s.leavers.count - s.leavers.first.length })}
                  </Text>
                )}
              </Stack>
            )}
            <Anchor
              component={Link}
              to={`${base}/access?adminWithoutMfa=true`}
              size="sm"
              c={s.adminWithoutMfa > 0 ? 'orange.9' : 'teal.8'}
              data-testid="dashboard-admin-mfa"
            >
              {t('access.dashboard.adminWithoutMfa', { count: s.adminWithoutMfa })} ({t('access.dashboard.adminLaw')})
            </Anchor>
          </>
        )}
      </Stack>
    </Card>
  );
}

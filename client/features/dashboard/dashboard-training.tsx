import { Anchor, Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTrainingOverview } from '../training/training.api.ts';

/** Training at a glance: the coverage of mandatory courses and how many people are overdue or never trained. */
export function TrainingCard({ organisationId, base }: { organisationId: string; base: string }) {
  const { t } = useTranslation();
  const overview = useTrainingOverview(organisationId, { limit: 1 });
  if (!overview.data) return null;
  const c = overview.data.coverage;
  const behind = c.byState.overdue + c.byState.never_trained;
  return (
    <Card withBorder padding="lg" data-testid="dashboard-training">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {t('training.title')}
          </Title>
          <Anchor component={Link} to={`${base}/training`} size="sm">
            {t('training.dashboard.open')}
          </Anchor>
        </Group>
        {c.percent === null ? (
          <Text size="sm">{t('training.coverage.none')}</Text>
        ) : (
          <>
            <Group justify="space-between">
              <Text size="sm">{t('training.dashboard.coverage', { covered: c.covered, people: c.people })}</Text>
              <Text fw={700}>{c.percent} %</Text>
            </Group>
            <Progress value={c.percent} aria-label={t('training.coverage.title')} color={c.percent >= 90 ? 'teal' : c.percent >= 60 ? 'orange' : 'red'} />
            {behind > 0 ? (
              <Anchor component={Link} to={`${base}/training`} underline="never">
                <Badge color="red" variant="light" size="lg" style={{ textTransform: 'none', cursor: 'pointer' }}>
                  {t('training.dashboard.behind', { count: behind })}
                </Badge>
              </Anchor>
            ) : (
              <Text size="sm" c="teal.8">
                {t('training.dashboard.allCurrent')}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

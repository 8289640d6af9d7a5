import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoadmapFitAnswer } from '../../../domain/guidance/guidance.response.ts';
import { weekRanges } from '../../../domain/guidance/roadmap-fit.ts';
import { currentLocale } from '../../lib/i18n.ts';
import type { RequirementDetail } from './catalog.api.ts';

/** "So setzen Sie es um": the practical steps, what counts as evidence and where the requirement fits in the plan (issue 12). */
export function RequirementGuidance({ organisationId, requirement }: { organisationId: string; requirement: RequirementDetail }) {
  const { t } = useTranslation();
  const guidance = requirement.guidance;
  if (!guidance) return null;
  const de = currentLocale() === 'de';
  return (
    <Card withBorder padding="lg" data-testid="requirement-guidance">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('guidance.title')}
        </Title>
        <List type="ordered" spacing="xs">
          {(de ? guidance.stepsDe : guidance.stepsEn).map((step) => (
            <List.Item key={step}>{step}</List.Item>
          ))}
        </List>
        <Stack gap={6}>
          <Title order={3} size="h5">
            {t('guidance.evidenceTitle')}
          </Title>
          <List spacing={4} size="sm">
            {(de ? guidance.evidenceDe : guidance.evidenceEn).map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Stack>
        <PlanFit organisationId={organisationId} fit={guidance.roadmap} />
        <Text size="xs" c="dimmed" data-testid="guidance-note">
          {t(requirement.framework === 'kbv' ? 'guidance.noteKbv' : 'guidance.noteNis2', { version: guidance.version })}{' '}
          {guidance.sources.map((source, i) => (
            <span key={source.url + source.citation}>
              {i > 0 && ' · '}
              <Anchor href={source.url} target="_blank" rel="noreferrer" size="xs">
                {source.citation}
              </Anchor>
            </span>
          ))}
        </Text>
      </Stack>
    </Card>
  );
}

/** "Im Plan: Woche 3–4 …" with the plan's task titles, or that the plan has no task for it. */
function PlanFit({ organisationId, fit }: { organisationId: string; fit: RoadmapFitAnswer }) {
  const { t } = useTranslation();
  if (!fit.inPlan) {
    return (
      <Text size="sm" c="dimmed">
        {t('guidance.plan.none')}
      </Text>
    );
  }
  const title = (key: string) => t(`roadmap.items.${key}.title`);
  const serving = fit.items.filter((i) => i.role === 'serves');
  const citing = fit.items.filter((i) => i.role === 'cites');
  return (
    <Stack gap={4} data-testid="guidance-plan">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('guidance.plan.weeks', { count: fit.weeks.length, weeks: weekRanges(fit.weeks) })}
        </Text>
        <Text size="sm">{serving.map((i) => title(i.key)).join(' · ')}</Text>
      </Group>
      {citing.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('guidance.plan.alsoIn', { items: citing.map((i) => t('guidance.plan.itemInWeek', { title: title(i.key), week: i.week })).join(', ') })}
        </Text>
      )}
      {fit.recurring && (
        <Text size="sm" c="dimmed">
          {t('guidance.plan.recurring')}
        </Text>
      )}
      <Anchor component={Link} to={`/o/${organisationId}/plan`} size="sm">
        {t('guidance.plan.link')}
      </Anchor>
    </Stack>
  );
}

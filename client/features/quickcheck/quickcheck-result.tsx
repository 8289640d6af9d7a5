import { Anchor, Badge, Button, Card, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScoreBand } from '../../../domain/quickcheck/scoring.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { QuickCheckScore } from './quickcheck.api.ts';

const bandColours: Record<ScoreBand, string> = { weak: 'red', fair: 'orange', good: 'teal' };
const colourOf = (score: number) => (score >= 80 ? 'teal' : score >= 50 ? 'orange' : 'red');

/** The result: score, each lever, the next steps with their sources, and what to do with it. */
export function QuickCheckResult({
  score,
  pdfPending,
  pdfError,
  onPdf,
  onCarry,
  onEdit,
}: {
  score: QuickCheckScore;
  pdfPending: boolean;
  pdfError: unknown;
  onPdf: () => void;
  onCarry: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" data-testid="quick-check-result">
      <Paper withBorder radius="md" p="lg">
        <Group align="center" gap="xl" wrap="wrap">
          <Stack gap={0} align="center" miw={120}>
            <Text fz={56} fw={700} lh={1} c={bandColours[score.band]} data-testid="quick-check-score">
              {score.score}
            </Text>
            <Text size="sm" c="dimmed">
              {t('quickCheck.scoreOf', { score: score.score })}
            </Text>
          </Stack>
          <Stack gap="xs" style={{ flex: 1, minWidth: 240 }}>
            <Badge size="lg" variant="light" color={bandColours[score.band]} w="fit-content">
              {t(`quickCheck.band.${score.band}`)}
            </Badge>
            <Progress.Root size="lg">
              <Progress.Section value={score.score} color={bandColours[score.band]} aria-label={t('quickCheck.scoreOf', { score: score.score })} />
            </Progress.Root>
            <Text size="sm" c="dimmed">
              {t('quickCheck.scoreHint')}
            </Text>
          </Stack>
        </Group>
      </Paper>

      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('quickCheck.leversTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="quick-check-levers">
          {score.levers.map((lever) => {
            const name = t(`quickCheck.lever.${lever.lever}`);
            return (
              <Card withBorder padding="md" key={lever.lever} data-testid={`lever-${lever.lever}`}>
                <Group justify="space-between" mb={6} wrap="nowrap">
                  <Text fw={600}>{name}</Text>
                  <Text fw={600} c={lever.score === null ? 'dimmed' : colourOf(lever.score)} style={{ whiteSpace: 'nowrap' }}>
                    {lever.score === null ? t('quickCheck.leverNotApplicable') : `${lever.score} / 100`}
                  </Text>
                </Group>
                {lever.score !== null && (
                  <Progress.Root size="sm">
                    <Progress.Section value={lever.score} color={colourOf(lever.score)} aria-label={`${name}: ${lever.score} / 100`} />
                  </Progress.Root>
                )}
                <Text size="xs" c="dimmed" mt={6}>
                  {t('quickCheck.leverGaps', { count: lever.gaps })}
                </Text>
              </Card>
            );
          })}
        </SimpleGrid>
      </Stack>

      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('quickCheck.stepsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {score.steps.length ? t('quickCheck.stepsIntro') : t('quickCheck.noSteps')}
        </Text>
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="quick-check-steps">
          {score.steps.map((step, index) => (
            <Card component="li" withBorder padding="md" key={step.questionId} data-testid={`step-${step.questionId}`}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Badge size="lg" circle variant="filled" color="blue" aria-hidden>
                  {index + 1}
                </Badge>
                <Stack gap={6} style={{ flex: 1 }}>
                  <Group gap="xs" wrap="wrap">
                    <Title order={3} size="h5">
                      {t(`quickCheck.question.${step.questionId}.label`)}
                    </Title>
                    <Badge variant="light" color={step.gap === 1 ? 'red' : 'orange'}>
                      {t('quickCheck.yourAnswer', { answer: t(`quickCheck.answer.${step.answer}`) })}
                    </Badge>
                  </Group>
                  <Text size="sm">{t(`quickCheck.question.${step.questionId}.step`)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('quickCheck.basis')}:{' '}
                    {step.citations.map((source, i) => (
                      <span key={source.citation}>
                        {i > 0 && ' · '}
                        <Anchor size="xs" href={source.url} target="_blank" rel="noopener noreferrer">
                          {source.citation}
                        </Anchor>
                      </span>
                    ))}
                  </Text>
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      </Stack>

      <Paper withBorder radius="md" p="lg" bg="blue.0">
        <Stack gap="sm">
          <Text size="sm">{t('quickCheck.carryHint')}</Text>
          {pdfError !== null && <ErrorAlert error={pdfError} />}
          <Group gap="sm">
            <Button onClick={onCarry} data-testid="quick-check-carry">
              {t('quickCheck.carryOver')}
            </Button>
            <Button variant="default" onClick={onPdf} loading={pdfPending} data-testid="quick-check-pdf">
              {t('quickCheck.downloadPdf')}
            </Button>
            <Button variant="subtle" onClick={onEdit}>
              {t('quickCheck.editAnswers')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

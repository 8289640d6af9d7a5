import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { riskLevel, riskScore } from '../../../domain/risks/risk-rating.ts';
import { RISK_SCALE } from '../../../domain/risks/risks.schema.ts';
import { type RiskSummary, riskLevelColor, useRiskSummary } from '../risks/risks.api.ts';

const SCALE = Array.from({ length: RISK_SCALE }, (_, index) => index + 1);

/** The current heat map, small: likelihood 5 → 1 from the top, impact 1 → 5 from the left, the count in each cell. */
function SmallHeatMap({ summary }: { summary: RiskSummary }) {
  const { t } = useTranslation();
  return (
    <table data-testid="risk-heat-map-small" style={{ borderCollapse: 'separate', borderSpacing: 2, fontSize: 'var(--mantine-font-size-xs)' }}>
      <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }}>
        {t('risks.heatMap.caption', { view: t('risks.heatMap.current') })}
      </caption>
      <thead>
        <tr>
          <th scope="col" aria-label={t('risks.heatMap.axes')} />
          {SCALE.map((impact) => (
            <th key={impact} scope="col" title={t(`risks.impact.${impact}`)}>
              {impact}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...SCALE].reverse().map((likelihood) => (
          <tr key={likelihood}>
            <th scope="row" title={t(`risks.likelihood.${likelihood}`)}>
              {likelihood}
            </th>
            {SCALE.map((impact) => {
              const count = summary.currentHeatMap[likelihood - 1]?.[impact - 1] ?? 0;
              const color = riskLevelColor[riskLevel(riskScore(likelihood, impact))];
              return (
                <td
                  key={impact}
                  style={{
                    background: `var(--mantine-color-${color}-2)`,
                    color: 'var(--mantine-color-black)',
                    width: 30,
                    height: 24,
                    textAlign: 'center',
                    fontWeight: count > 0 ? 700 : 400,
                  }}
                >
                  {count > 0 ? count : ''}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The risks at a glance: the small heat map and the decisions management still has to take, linked to the list. */
export function RisksCard({ organisationId, base }: { organisationId: string; base: string }) {
  const { t } = useTranslation();
  const summary = useRiskSummary(organisationId);
  if (!summary.data) return null;
  const s = summary.data;
  return (
    <Card withBorder padding="lg" data-testid="dashboard-risks">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {t('risks.title')}
          </Title>
          {s.total > 0 && (
            <Anchor component={Link} to={`${base}/risks`} size="sm">
              {t('risks.dashboard.count', { count: s.total })}
            </Anchor>
          )}
        </Group>
        {s.total === 0 ? (
          <Group justify="space-between" align="center">
            <Text size="sm">{t('risks.dashboard.empty')}</Text>
            <Button component={Link} to={`${base}/risks/templates`} variant="light">
              {t('risks.fromTemplates')}
            </Button>
          </Group>
        ) : (
          <Group align="flex-start" gap="xl" wrap="wrap">
            <SmallHeatMap summary={s} />
            <Stack gap={4}>
              {s.openDecisions > 0 ? (
                <Anchor component={Link} to={`${base}/risks?needsDecision=yes&accepted=no`} size="sm" fw={600} c="red.9">
                  {t('risks.dashboard.openDecisions', { count: s.openDecisions })}
                </Anchor>
              ) : (
                <Text size="sm" c="teal.9">
                  {t('risks.dashboard.noOpenDecisions')}
                </Text>
              )}
              {s.accepted > 0 && <Text size="sm">{t('risks.dashboard.accepted', { count: s.accepted })}</Text>}
            </Stack>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

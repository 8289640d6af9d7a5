import { Badge, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { riskLevel, riskScore } from '../../../domain/risks/risk-rating.ts';
import { RISK_SCALE, type RiskLevel } from '../../../domain/risks/risks.schema.ts';
import { type AxisLabel, type RiskSummary, riskLevelColor } from './risks.api.ts';

const SCALE = Array.from({ length: RISK_SCALE }, (_, index) => index + 1);

/** Light shades with black text, so that every level keeps its contrast (WCAG AA). */
export const levelBackground = (level: RiskLevel) => `var(--mantine-color-${riskLevelColor[level]}-2)`;

/** The level of a score as a badge: "12 · hoch". */
export function RiskLevelBadge({ score, level }: { score?: number; level: RiskLevel }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="filled"
      size="md"
      data-level={level}
      style={{
        background: levelBackground(level),
        color: 'var(--mantine-color-black)',
        textTransform: 'none',
        border: '1px solid var(--mantine-color-gray-5)',
      }}
    >
      {score !== undefined ? `${score} · ${t(`risks.level.${level}`)}` : t(`risks.level.${level}`)}
    </Badge>
  );
}

/**
 * The 5 × 5 matrix with the number of risks in each cell: likelihood from 5 (top) to 1, impact from 1 (left) to 5,
 * each cell coloured by the level of its score. A table, so that screen readers name row and column of each count.
 * The toggle switches between the rating before measures (inherent) and the one that counts now. The steps are named
 * by `label` (the organisation's matrix labels), by the locale's defaults without it.
 */
export function RiskHeatMap({ summary, label }: { summary: RiskSummary; label?: AxisLabel }) {
  const { t } = useTranslation();
  const name: AxisLabel = label ?? ((axis, step) => t(`risks.${axis}.${step}`));
  const [view, setView] = useState<'current' | 'inherent'>('current');
  const grid = view === 'current' ? summary.currentHeatMap : summary.inherentHeatMap;
  return (
    <Stack gap="xs" data-testid="risk-heat-map">
      <Group justify="space-between" align="center" gap="xs">
        <Title order={2} size="h4">
          {t('risks.heatMap.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(value) => setView(value as 'current' | 'inherent')}
          data={[
            { value: 'current', label: t('risks.heatMap.current') },
            { value: 'inherent', label: t('risks.heatMap.inherent') },
          ]}
          aria-label={t('risks.heatMap.toggle')}
        />
      </Group>
      <div style={{ overflowX: 'auto' }}>
        <Table withTableBorder withColumnBorders={false} style={{ width: 'auto', borderCollapse: 'separate', borderSpacing: 3 }}>
          <caption style={{ captionSide: 'bottom', textAlign: 'left', fontSize: 'var(--mantine-font-size-xs)' }}>
            {t('risks.heatMap.caption', { view: t(`risks.heatMap.${view}`) })}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <Text size="xs" c="dimmed">
                  {t('risks.heatMap.axes')}
                </Text>
              </Table.Th>
              {SCALE.map((impact) => (
                <Table.Th key={impact} scope="col" style={{ textAlign: 'center', fontWeight: 500 }}>
                  <Text size="xs" title={name('impact', impact)} data-testid={`heat-impact-label-${impact}`}>
                    {`${impact} ${name('impact', impact)}`}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...SCALE].reverse().map((likelihood) => (
              <Table.Tr key={likelihood}>
                <Table.Th scope="row" style={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
                  <Text size="xs" title={name('likelihood', likelihood)} data-testid={`heat-likelihood-label-${likelihood}`}>
                    {`${likelihood} ${name('likelihood', likelihood)}`}
                  </Text>
                </Table.Th>
                {SCALE.map((impact) => {
                  const count = grid[likelihood - 1]?.[impact - 1] ?? 0;
                  const level = riskLevel(riskScore(likelihood, impact));
                  return (
                    <Table.Td
                      key={impact}
                      data-testid={`heat-${view}-${likelihood}-${impact}`}
                      data-level={level}
                      style={{
                        background: levelBackground(level),
                        color: 'var(--mantine-color-black)',
                        textAlign: 'center',
                        minWidth: 64,
                        height: 44,
                        fontWeight: count > 0 ? 700 : 400,
                        outline: count > 0 ? '2px solid var(--mantine-color-dark-6)' : undefined,
                        outlineOffset: -2,
                      }}
                    >
                      {count > 0 ? count : ''}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Group gap="xs">
        {(['low', 'medium', 'high', 'critical'] as const).map((level) => (
          <RiskLevelBadge key={level} level={level} />
        ))}
      </Group>
    </Stack>
  );
}

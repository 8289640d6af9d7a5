import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type RoadmapPhase, type RoadmapWeek, roadmapPhase } from '../../../domain/roadmap/roadmap.ts';
import { formatCalendarDate } from '../../lib/format.ts';

/** What a week is for; weeks 7 and 8 read differently outside NIS2 (the practice's leadership, the wrap-up). */
export function phaseKey(phase: RoadmapPhase, nis2InScope: boolean): string {
  if (phase === 'leadership') return nis2InScope ? 'roadmap.phase.leadership' : 'roadmap.phase.leadershipKbv';
  if (phase === 'registration') return nis2InScope ? 'roadmap.phase.registration' : 'roadmap.phase.wrapUp';
  return `roadmap.phase.${phase}`;
}

/** "Woche 3 · Schnelle Verbesserungen", with the week's Monday to Friday when known. */
export function WeekHeading({
  week,
  nis2InScope,
  startsOn,
  endsOn,
  extra,
}: {
  week: RoadmapWeek;
  nis2InScope: boolean;
  startsOn: string | null;
  endsOn: string | null;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="baseline" gap="xs" wrap="wrap">
      <Group gap="xs" align="baseline">
        <Title order={3} size="h5">
          {t('roadmap.week.label', { week })} · {t(phaseKey(roadmapPhase(week), nis2InScope))}
        </Title>
        {startsOn && endsOn && (
          <Text size="sm" c="dimmed">
            {t('roadmap.week.dates', { from: formatCalendarDate(startsOn), to: formatCalendarDate(endsOn) })}
          </Text>
        )}
      </Group>
      {extra}
    </Group>
  );
}

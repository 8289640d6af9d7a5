import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FocusEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isAllowed, type MemberRole } from '../../../domain/auth/permissions.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { BERLIN, remainingUntil } from './berlin-time.ts';

/** Who may do what on the incident pages, from the permission table the server checks (domain/auth/permissions.ts). */
export function incidentPermissions(me: MemberRole | undefined) {
  if (!me) return { report: false, handle: false };
  return {
    /** Everyone who may write can report: the person at the reception desk often notices first. */
    report: isAllowed('incidents.report', me),
    /** Assessment, reports, timeline, escalation ticks: the escalation chain (IT lead, management, DPO) and administrators. */
    handle: isAllowed('incidents.handle', me),
  };
}

/** The current time, refreshed every `intervalMs` (30 s by default) so that countdowns run. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A point in time as the practice reads it: weekday, date and time in Berlin ("Fr., 16.01.2026, 10:00"). */
export function formatBerlinTime(value: string | null | undefined): string {
  if (!value) return '–';
  const locale = currentLocale() === 'de' ? 'de-DE' : 'en-GB';
  return new Intl.DateTimeFormat(locale, {
    timeZone: BERLIN,
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(value));
}

/** "noch 23 Std. 12 Min." or "seit 1 Std. 5 Min. überfällig". */
export function useRemainingText() {
  const { t } = useTranslation();
  return (due: string, now: number) => {
    const left = remainingUntil(due, now);
    const parts =
      left.days > 0
        ? [t('incidents.time.days', { count: left.days }), t('incidents.time.hours', { count: left.hours })]
        : [t('incidents.time.hours', { count: left.hours }), t('incidents.time.minutes', { count: left.minutes })];
    const time = parts.join(' ');
    return left.overdue ? t('incidents.time.overdue', { time }) : t('incidents.time.left', { time });
  };
}

export function SignificanceBadge({ significant, size = 'md' }: { significant: boolean | null; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (significant === null) {
    return (
      <Badge color="yellow" variant="light" size={size} data-testid="significance-badge">
        {t('incidents.significance.open')}
      </Badge>
    );
  }
  return (
    <Badge color={significant ? 'red' : 'gray'} variant={significant ? 'filled' : 'light'} size={size} data-testid="significance-badge">
      {significant ? t('incidents.significance.significant') : t('incidents.significance.notSignificant')}
    </Badge>
  );
}

/** The red button that starts a report; shown to everyone who may write. */
export function ReportIncidentButton({
  organisationId,
  size = 'md',
  visibleFrom,
  hiddenFrom,
}: {
  organisationId: string;
  size?: 'sm' | 'md';
  visibleFrom?: 'xs' | 'sm' | 'md';
  hiddenFrom?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={`/o/${organisationId}/incidents/new`}
      color="red"
      size={size}
      visibleFrom={visibleFrom}
      hiddenFrom={hiddenFrom}
      data-testid="report-incident-button"
    >
      {t('incidents.report')}
    </Button>
  );
}

/**
 * Whether the focus leaves a field because a submit button is being pressed. A form need not check the field then (the
 * submit checks everything), and should not: a message appearing under the field on mousedown moves the button away
 * from under the pointer, and the click is lost. Tabbing to the button still checks the field.
 */
export const pressesSubmit = (event: FocusEvent) => {
  const next = event.relatedTarget;
  return next instanceof HTMLButtonElement && next.type === 'submit' && next.matches(':active');
};

/** Date and time inputs side by side, both in Berlin time. */
export function BerlinDateTimeInputs({
  date,
  time,
  onDate,
  onTime,
  dateLabel,
  timeLabel,
  error,
  testId,
  optional = false,
  onBlur,
}: {
  date: string;
  time: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
  dateLabel: string;
  timeLabel: string;
  error?: string | null | undefined;
  testId?: string;
  /** The pair may be left empty (e.g. a date the BSI did not set). */
  optional?: boolean;
  /** Called when the focus leaves the pair (not from the date to the time, nor by pressing a submit button), so a form can check it then. */
  onBlur?: () => void;
}) {
  const { t } = useTranslation();
  const leave = (event: FocusEvent<HTMLDivElement>) => {
    if (onBlur && !event.currentTarget.contains(event.relatedTarget) && !pressesSubmit(event)) onBlur();
  };
  return (
    <Stack gap={4} data-testid={testId} onBlur={leave}>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          label={dateLabel}
          placeholder={t('incidents.datePlaceholder')}
          value={date}
          onChange={(e) => onDate(e.currentTarget.value)}
          error={error}
          inputMode="numeric"
          autoComplete="off"
          w={170}
          required={!optional}
        />
        <TextInput
          label={timeLabel}
          placeholder={t('incidents.timePlaceholder')}
          value={time}
          onChange={(e) => onTime(e.currentTarget.value)}
          error={Boolean(error)}
          inputMode="numeric"
          autoComplete="off"
          w={120}
          required={!optional}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('incidents.berlinTime')}
      </Text>
    </Stack>
  );
}

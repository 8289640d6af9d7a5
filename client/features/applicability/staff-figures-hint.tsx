import { Anchor, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLocale } from '../../lib/i18n.ts';
import { formatDecimal, usePeopleFigures } from '../people/people.api.ts';

/**
 * The figure the staff register gives for a question of the check (domain/people/headcount.ts): persons with patient
 * data for the KBV practice size, annual work units for NIS2. "Übernehmen" puts it into the field; the link opens the
 * people it came from. Nothing shows while the register is empty. A figure typed instead is kept as typed, with the
 * reason the server asks for (stored with the check, domain/compliance/staff-figure.ts).
 */
export function StaffFiguresHint({
  figure,
  value,
  onTake,
  reason,
}: {
  figure: 'kbv' | 'awu';
  value: number | string;
  onTake: (value: number) => void;
  /** The form's input props of the override reason. */
  reason: GetInputPropsReturnType;
}) {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const figures = usePeopleFigures(organisationId);
  if (!figures.data || figures.data.contributors.total === 0) return null;
  const f = figures.data;
  const number = figure === 'kbv' ? f.kbvPersons : f.awu;
  const differs = value !== '' && (figure === 'kbv' ? Number(value) !== number : Math.round(Number(value) * 100) !== Math.round(number * 100));
  return (
    <Paper withBorder p="sm" maw={520} bg="var(--mantine-color-blue-0)" data-testid={`staff-figures-${figure}`}>
      <Stack gap={6}>
        <Text size="sm">
          {figure === 'kbv'
            ? t('staff.applicability.kbv', { count: f.kbvPersons })
            : t('staff.applicability.awu', { awu: formatDecimal(f.awu, currentLocale()), heads: f.heads })}
          {figure === 'awu' && f.assumedFullTime > 0 && ` ${t('staff.applicability.assumed', { count: f.assumedFullTime })}`}
        </Text>
        <Group gap="sm">
          {Number(value) !== number && (
            <Button size="xs" variant="light" onClick={() => onTake(number)} data-testid={`staff-figures-${figure}-take`}>
              {t('staff.applicability.take')}
            </Button>
          )}
          <Anchor component={Link} to={`/o/${organisationId}/staff?counted=${figure}`} size="sm">
            {t('staff.applicability.show')}
          </Anchor>
        </Group>
        {differs && (
          <Textarea
            label={t('staff.applicability.reason')}
            description={t('staff.applicability.differs')}
            autosize
            minRows={2}
            maxLength={1000}
            required
            data-testid={`staff-figures-${figure}-reason`}
            {...reason}
          />
        )}
      </Stack>
    </Paper>
  );
}

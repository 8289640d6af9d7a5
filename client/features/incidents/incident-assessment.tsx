import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Explanation } from '../../../domain/kbv/explanation.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { formatBerlinTime } from './incident-parts.tsx';
import type { IncidentDetail } from './incidents.api.ts';

/** Explanations with their legal basis, in the reader's language. */
export function Reasons({ items }: { items: Explanation[] }) {
  const locale = currentLocale();
  return (
    <List spacing={6} size="sm">
      {items.map((reason) => (
        <List.Item key={`${reason.code}-${JSON.stringify(reason.params)}`}>
          {reason[locale]}
          {reason.legalBasis.length > 0 && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({reason.legalBasis.join('; ')})
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

/** Before the assessment: the earliest clock that would run, and who may assess. */
export function NotAssessed({ incident, canAssess, base }: { incident: IncidentDetail; canAssess: boolean; base: string }) {
  const { t } = useTranslation();
  // Before the assessment no clock runs on the server; show the earliest one that would, so nobody waits too long.
  const earliest = new Date(new Date(incident.noticedAt).getTime() + 24 * 3_600_000).toISOString();
  return (
    <Alert color="orange" variant="light" title={t('incidents.notAssessedTitle')} data-testid="not-assessed">
      <Stack gap="xs">
        <Text size="sm">{t('incidents.notAssessed', { at: formatBerlinTime(earliest) })}</Text>
        {canAssess ? (
          <Group>
            <Button component={Link} to={`${base}/${incident.id}/assessment`} color="orange">
              {t('incidents.assessNow')}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t('incidents.assessByOthers')}</Text>
        )}
      </Stack>
    </Alert>
  );
}

import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { stateColor, usePersonTraining } from './training.api.ts';

/** One person's training, course by course: last attended, due again, and the state (for the person's page). */
export function PersonTrainingSection({ organisationId, personId }: { organisationId: string; personId: string }) {
  const { t } = useTranslation();
  const training = usePersonTraining(organisationId, personId);
  if (training.isPending) return null;
  if (training.error) return <ErrorAlert error={training.error} />;
  const d = training.data;
  return (
    <Card withBorder padding="lg" data-testid="person-training">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('training.personSection.title')}
        </Title>
        {!d.active && (
          <Text size="sm" c="dimmed">
            {t('training.personSection.notCounted')}
          </Text>
        )}
        {d.courses.length === 0 ? (
          <Text size="sm">{t('training.noCourses')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.field.title')}</Table.Th>
                <Table.Th>{t('training.personSection.last')}</Table.Th>
                <Table.Th>{t('training.personSection.due')}</Table.Th>
                <Table.Th>{t('training.stateColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.courses.map((c) => (
                <Table.Tr key={c.courseId}>
                  <Table.Td>
                    {c.title}
                    {!c.mandatory && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t('training.optional')})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.lastAttendedOn ? formatCalendarDate(c.lastAttendedOn) : '–'}</Table.Td>
                  <Table.Td>{c.dueOn ? formatCalendarDate(c.dueOn) : '–'}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColor[c.state]} variant="light" style={{ textTransform: 'none' }}>
                      {t(`training.state.${c.state}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

import { Anchor, Badge, Button, Card, Group, Modal, Progress, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { type TrainingState, trainingStates } from '../../../domain/training/training.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { CourseForm } from './course-form.tsx';
import { stateColor, useCourses, useTrainingOverview } from './training.api.ts';

const PAGE = 50;

/** Schulungen: coverage of mandatory training, who is due or overdue, and the courses. */
export function TrainingPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const navigate = useNavigate();
  const organisation = useOrganisation(organisationId);
  const courses = useCourses(organisationId);
  const [state, setState] = useState<TrainingState | 'all'>('all');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const overview = useTrainingOverview(organisationId, { state: state === 'all' ? undefined : state, q: q.trim() || undefined, limit: PAGE, offset });
  const [adding, setAdding] = useState(false);

  if (organisation.isPending || courses.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  if (courses.error) return <ErrorAlert error={courses.error} />;
  const canEdit = isAllowed('training.edit', organisation.data.me);
  const base = `/o/${organisationId}/training`;
  const coverage = overview.data?.coverage;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('training.title')}
        description={t('training.description')}
        actions={
          canEdit && (
            <Button onClick={() => setAdding(true)} data-testid="training-add-course">
              {t('training.addCourse')}
            </Button>
          )
        }
      />
      {coverage && (
        <Card withBorder padding="lg" data-testid="training-coverage">
          <Stack gap="sm">
            <Group justify="space-between" align="baseline">
              <Title order={2} size="h4">
                {t('training.coverage.title')}
              </Title>
              <Text fw={700} size="xl">
                {coverage.percent === null ? '–' : `${coverage.percent} %`}
              </Text>
            </Group>
            {coverage.percent !== null && (
              <Progress
                value={coverage.percent}
                aria-label={t('training.coverage.title')}
                color={coverage.percent >= 90 ? 'teal' : coverage.percent >= 60 ? 'orange' : 'red'}
              />
            )}
            <Text size="sm" c="dimmed">
              {coverage.percent === null ? t('training.coverage.none') : t('training.coverage.text', { covered: coverage.covered, people: coverage.people })}
            </Text>
            <Group gap="xs">
              {trainingStates.map((s) => (
                <Badge key={s} color={stateColor[s]} variant="light" size="lg" style={{ textTransform: 'none' }}>
                  {t(`training.state.${s}`)}: {coverage.byState[s]}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Card>
      )}

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('training.courses')}
          </Title>
          {courses.data.length === 0 ? (
            <Text size="sm">{t('training.noCourses')}</Text>
          ) : (
            <Table striped highlightOnHover data-testid="training-courses">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.field.title')}</Table.Th>
                  <Table.Th>{t('training.field.topic')}</Table.Th>
                  <Table.Th>{t('training.field.recurrenceMonths')}</Table.Th>
                  <Table.Th>{t('training.lastHeldOn')}</Table.Th>
                  <Table.Th>{t('training.sessions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {courses.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`${base}/courses/${c.id}`}>
                        {c.title}
                      </Anchor>{' '}
                      {c.mandatory && (
                        <Badge size="xs" variant="outline">
                          {t('training.mandatory')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`training.topic.${c.topic}`)}</Table.Td>
                    <Table.Td>{t('training.everyMonths', { count: c.recurrenceMonths })}</Table.Td>
                    <Table.Td>{c.lastHeldOn ? formatCalendarDate(c.lastHeldOn) : '–'}</Table.Td>
                    <Table.Td>{c.sessionCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('training.peopleTitle')}
          </Title>
          <Group>
            <SegmentedControl
              value={state}
              onChange={(value) => {
                setState(value as TrainingState | 'all');
                setOffset(0);
              }}
              data={[{ value: 'all', label: t('training.all') }, ...trainingStates.map((s) => ({ value: s, label: t(`training.state.${s}`) }))]}
            />
            <TextInput
              placeholder={t('training.search')}
              value={q}
              onChange={(event) => {
                setQ(event.currentTarget.value);
                setOffset(0);
              }}
            />
          </Group>
          {overview.error && <ErrorAlert error={overview.error} />}
          {overview.data && overview.data.people.items.length === 0 && <Text size="sm">{t('training.noPeople')}</Text>}
          {overview.data && overview.data.people.items.length > 0 && (
            <Table striped data-testid="training-people">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.person')}</Table.Th>
                  <Table.Th>{t('training.stateColumn')}</Table.Th>
                  <Table.Th>{t('training.nextDueOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {overview.data.people.items.map((p) => (
                  <Table.Tr key={p.personId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/o/${organisationId}/staff/${p.personId}`} size="sm">
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={stateColor[p.state]} variant="light" style={{ textTransform: 'none' }}>
                        {t(`training.state.${p.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{p.nextDueOn ? formatCalendarDate(p.nextDueOn) : '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {overview.data && overview.data.people.total > PAGE && (
            <Group>
              <Button variant="subtle" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                ←
              </Button>
              <Text size="sm">
                {t('training.paged', { from: offset + 1, to: Math.min(offset + PAGE, overview.data.people.total), total: overview.data.people.total })}
              </Text>
              <Button variant="subtle" disabled={offset + PAGE >= overview.data.people.total} onClick={() => setOffset(offset + PAGE)}>
                →
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('training.addCourse')} size="lg">
        {adding && <CourseForm organisationId={organisationId} course={null} onDone={(c) => navigate(`${base}/courses/${c.id}`)} />}
      </Modal>
    </Stack>
  );
}

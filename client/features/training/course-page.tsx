import { Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { CourseForm } from './course-form.tsx';
import { SessionForm } from './session-form.tsx';
import { type Course, useCourse, useDeleteCourse, useSessions } from './training.api.ts';

/** One course: what it is, and its sessions (newest first) with their attendance counts. */
export function CoursePage() {
  const { t } = useTranslation();
  const { organisationId = '', courseId = '' } = useParams();
  const navigate = useNavigate();
  const organisation = useOrganisation(organisationId);
  const course = useCourse(organisationId, courseId);
  const sessions = useSessions(organisationId, courseId);
  const remove = useDeleteCourse(organisationId, () => navigate(`/o/${organisationId}/training`));
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Course | null>(null);

  if (organisation.isPending || course.isPending || sessions.isPending) return <PageLoader />;
  if (organisation.error || course.error || sessions.error) return <ErrorAlert error={organisation.error ?? course.error ?? sessions.error} />;
  const c = course.data;
  const canEdit = isAllowed('training.edit', organisation.data.me);
  const base = `/o/${organisationId}/training`;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={base} size="sm">
        ← {t('training.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t(`training.topic.${c.topic}`)} · {t('training.minutes', { count: c.durationMinutes })} ·{' '}
            {t('training.everyMonths', { count: c.recurrenceMonths })}
          </Text>
          <Title order={1} size="h2">
            {c.title}
          </Title>
          {c.mandatory && (
            <Badge variant="outline" w="fit-content">
              {t('training.mandatory')}
            </Badge>
          )}
        </Stack>
        {canEdit && (
          <Group gap="xs">
            <Button onClick={() => setAdding(true)} data-testid="training-add-session">
              {t('training.addSession')}
            </Button>
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDeleting(c)}>
              {t('common.remove')}
            </Button>
          </Group>
        )}
      </Group>
      {c.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.description}
        </Text>
      )}
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('training.sessions')}
          </Title>
          {sessions.data.length === 0 ? (
            <Text size="sm">{t('training.noSessions')}</Text>
          ) : (
            <Table striped highlightOnHover data-testid="training-sessions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.field.heldOn')}</Table.Th>
                  <Table.Th>{t('training.field.trainer')}</Table.Th>
                  <Table.Th>{t('training.attendees')}</Table.Th>
                  <Table.Th>{t('training.attendedColumn')}</Table.Th>
                  <Table.Th>{t('training.confirmedColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`${base}/sessions/${s.id}`}>
                        {formatCalendarDate(s.heldOn)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{s.trainer || '–'}</Table.Td>
                    <Table.Td>{s.attendees}</Table.Td>
                    <Table.Td>{s.attended}</Table.Td>
                    <Table.Td>{s.confirmed}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Card>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('training.editCourse')} size="lg">
        {editing && <CourseForm organisationId={organisationId} course={c} onDone={() => setEditing(false)} />}
      </Modal>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('training.addSession')} size="lg">
        {adding && <SessionForm organisationId={organisationId} courseId={c.id} onDone={(id) => navigate(`${base}/sessions/${id}`)} />}
      </Modal>
      <ConfirmModal
        subject={deleting}
        title={t('training.removeCourseTitle')}
        text={t('training.removeCourseText', { title: deleting?.title ?? '' })}
        confirmLabel={t('common.remove')}
        mutation={remove}
        keyOf={(x) => x.id}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

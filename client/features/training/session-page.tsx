import { Alert, Anchor, Badge, Button, Card, Checkbox, FileButton, Group, Modal, MultiSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { usePeopleSearch } from '../people/people.api.ts';
import { SessionForm } from './session-form.tsx';
import {
  attendanceListUrl,
  type SessionDetail,
  useDeleteSession,
  useSendConfirmations,
  useSession,
  useSetAttendance,
  useUploadAttendanceList,
} from './training.api.ts';

/** One session: who is on it, who attended, the signed list, and links for people to confirm themselves. */
export function SessionPage() {
  const { t } = useTranslation();
  const { organisationId = '', sessionId = '' } = useParams();
  const navigate = useNavigate();
  const organisation = useOrganisation(organisationId);
  const session = useSession(organisationId, sessionId);
  const remove = useDeleteSession(organisationId, () =>
    navigate(session.data ? `/o/${organisationId}/training/courses/${session.data.courseId}` : `/o/${organisationId}/training`),
  );
  const [deleting, setDeleting] = useState<SessionDetail | null>(null);
  const [editing, setEditing] = useState(false);

  if (organisation.isPending || session.isPending) return <PageLoader />;
  if (organisation.error || session.error) return <ErrorAlert error={organisation.error ?? session.error} />;
  const s = session.data;
  const canEdit = isAllowed('training.edit', organisation.data.me);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/training/courses/${s.courseId}`} size="sm">
        ← {s.courseTitle}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t('training.sessionKicker')}
          </Text>
          <Title order={1} size="h2">
            {s.courseTitle}, {formatCalendarDate(s.heldOn)}
          </Title>
          {s.trainer && <Text size="sm">{t('training.trainerIs', { trainer: s.trainer })}</Text>}
        </Stack>
        {canEdit && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)} data-testid="session-edit">
              {t('common.edit')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDeleting(s)}>
              {t('common.remove')}
            </Button>
          </Group>
        )}
      </Group>
      <Group gap="xs">
        <Badge variant="light" size="lg" style={{ textTransform: 'none' }}>
          {t('training.attendees')}: {s.attendees}
        </Badge>
        <Badge variant="light" color="teal" size="lg" style={{ textTransform: 'none' }}>
          {t('training.attendedColumn')}: {s.attended}
        </Badge>
        <Badge variant="light" color="teal" size="lg" style={{ textTransform: 'none' }}>
          {t('training.confirmedColumn')}: {s.confirmed}
        </Badge>
      </Group>
      <AttendanceCard key={`${s.attendance.map((a) => `${a.personId}${a.status}`).join()}`} organisationId={organisationId} session={s} canEdit={canEdit} />
      <AttendanceListCard organisationId={organisationId} session={s} canEdit={canEdit} />
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('training.editSession')}>
        {editing && <SessionForm organisationId={organisationId} courseId={s.courseId} session={s} onDone={() => setEditing(false)} />}
      </Modal>
      {s.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {s.notes}
        </Text>
      )}
      <ConfirmModal
        subject={deleting}
        title={t('training.removeSessionTitle')}
        text={t('training.removeSessionText')}
        confirmLabel={t('common.remove')}
        mutation={remove}
        keyOf={(x) => x.id}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

function AttendanceCard({ organisationId, session, canEdit }: { organisationId: string; session: SessionDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  // The people to choose from, searched by the server: staff, externals and leavers alike (a session recorded after
  // the fact may have had people who have left since).
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = usePeopleSearch(organisationId, debounced);
  const setAttendance = useSetAttendance(organisationId, session.id);
  const send = useSendConfirmations(organisationId, session.id);
  const named = session.attendance.filter((a) => a.personId !== null);
  const [picked, setPicked] = useState<string[]>(named.map((a) => a.personId!));
  const [attended, setAttended] = useState<Set<string>>(new Set(named.filter((a) => a.status !== 'invited').map((a) => a.personId!)));
  const [sentText, setSentText] = useState<string | null>(null);
  const choices = new Map<string, string>(named.map((a) => [a.personId!, a.name ?? '']));
  for (const p of found.data?.items ?? [])
    if (!choices.has(p.id)) choices.set(p.id, p.status === 'leaver' ? `${p.name} (${t('staff.status.leaver')})` : p.name);
  const byPerson = new Map(named.map((a) => [a.personId!, a]));
  const dirty = picked.join() !== named.map((a) => a.personId).join() || named.some((a) => (a.status !== 'invited') !== attended.has(a.personId!));
  const openLinks = named.filter((a) => a.status !== 'confirmed' && a.hasEmail).map((a) => a.personId!);

  const save = () =>
    setAttendance.mutate(picked.map((personId) => ({ personId, attended: attended.has(personId) || byPerson.get(personId)?.status === 'confirmed' })));

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('training.attendanceTitle')}
        </Title>
        {canEdit && (
          <MultiSelect
            label={t('training.pickPeople')}
            searchable
            data={[...choices].map(([value, label]) => ({ value, label }))}
            value={picked}
            onChange={setPicked}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            nothingFoundMessage={found.isFetching ? t('common.loading') : t('training.nobodyFound')}
            data-testid="training-pick-people"
          />
        )}
        {canEdit && picked.some((personId) => !attended.has(personId) && byPerson.get(personId)?.status !== 'confirmed') && (
          <Group>
            <Button variant="light" size="xs" onClick={() => setAttended(new Set(picked))} data-testid="training-mark-all">
              {t('training.markAll')}
            </Button>
          </Group>
        )}
        {picked.length === 0 && session.attendance.length === 0 ? (
          <Text size="sm">{t('training.noAttendees')}</Text>
        ) : (
          <Table data-testid="training-attendance">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.person')}</Table.Th>
                <Table.Th>{t('training.attendedColumn')}</Table.Th>
                <Table.Th>{t('training.confirmationColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {picked.map((personId) => {
                const row = byPerson.get(personId);
                const confirmed = row?.status === 'confirmed';
                return (
                  <Table.Tr key={personId}>
                    <Table.Td>{choices.get(personId)}</Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('training.markAttended', { name: choices.get(personId) ?? '' })}
                        checked={confirmed || attended.has(personId)}
                        disabled={!canEdit || confirmed}
                        onChange={(event) => {
                          const next = new Set(attended);
                          if (event.currentTarget.checked) next.add(personId);
                          else next.delete(personId);
                          setAttended(next);
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ConfirmationState row={row} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              {session.attendance
                .filter((a) => a.personId === null)
                .map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td c="dimmed">{t('training.anonymised', { role: t(`role.${a.role}`, { defaultValue: a.role }) })}</Table.Td>
                    <Table.Td>{a.status === 'invited' ? '–' : '✓'}</Table.Td>
                    <Table.Td>
                      <ConfirmationState row={a} />
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
        {setAttendance.error && <ErrorAlert error={setAttendance.error} />}
        {send.error && <ErrorAlert error={send.error} />}
        {sentText && (
          <Alert color="teal" variant="light" data-testid="training-links-sent">
            {sentText}
          </Alert>
        )}
        {canEdit && (
          <Group>
            <Button onClick={save} disabled={!dirty} loading={setAttendance.isPending} data-testid="training-save-attendance">
              {t('training.saveAttendance')}
            </Button>
            <Button
              variant="light"
              disabled={dirty || openLinks.length === 0}
              loading={send.isPending}
              onClick={() =>
                send.mutate(openLinks, {
                  onSuccess: (answer) =>
                    setSentText(
                      [
                        t('training.linksSent', { count: answer.sent }),
                        answer.withoutEmail.length ? t('training.withoutEmail', { count: answer.withoutEmail.length }) : '',
                      ]
                        .filter(Boolean)
                        .join(' '),
                    ),
                })
              }
              data-testid="training-send-links"
            >
              {t('training.sendLinks')}
            </Button>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('training.linksHint')}
        </Text>
      </Stack>
    </Card>
  );
}

function ConfirmationState({ row }: { row: SessionDetail['attendance'][number] | undefined }) {
  const { t } = useTranslation();
  if (!row) return <Text size="sm">{t('training.notSaved')}</Text>;
  if (row.status === 'confirmed') {
    return (
      <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
        {t('training.confirmedAt', { at: formatDateTime(row.confirmedAt) })}
      </Badge>
    );
  }
  if (row.status === 'attended') return <Text size="sm">{t(`training.method.${row.confirmationMethod ?? 'recorded'}`)}</Text>;
  if (row.linkSentAt) return <Text size="sm">{t('training.linkSent', { at: formatDateTime(row.linkSentAt) })}</Text>;
  return <Text size="sm">{row.hasEmail ? t('training.invited') : t('training.noEmail')}</Text>;
}

function AttendanceListCard({ organisationId, session, canEdit }: { organisationId: string; session: SessionDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadAttendanceList(organisationId, session.id);
  const list = session.attendanceList;
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('training.listTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('training.listHint')}
        </Text>
        {list ? (
          <Anchor href={attendanceListUrl(organisationId, session.id)} data-testid="training-list-download">
            {list.fileName} ({formatDateTime(list.uploadedAt)})
          </Anchor>
        ) : (
          <Text size="sm">{t('training.noList')}</Text>
        )}
        {upload.error && <ErrorAlert error={upload.error} />}
        {canEdit && (
          <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/pdf,image/png,image/jpeg">
            {(props) => (
              <Button variant="light" w="fit-content" loading={upload.isPending} {...props}>
                {list ? t('training.replaceList') : t('training.uploadList')}
              </Button>
            )}
          </FileButton>
        )}
      </Stack>
    </Card>
  );
}

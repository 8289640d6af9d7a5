import { Anchor, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { permissionsOf } from '../../app/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { evidenceDownloadUrl } from '../catalog/catalog.api.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { type DirectorRecords, useDeleteManagementTraining, useDirectorRecords } from './management.api.ts';
import { CERTIFICATE_REQUIREMENT_ID, ManagementTrainingForm } from './management-training-form.tsx';

type Training = DirectorRecords['trainings'][number];

/** One managing director: every training with its certificate, and every approval with what it approved. */
export function DirectorPage() {
  const { t } = useTranslation();
  const { organisationId = '', personId = '' } = useParams();
  const records = useDirectorRecords(organisationId, personId);
  const organisation = useOrganisation(organisationId);
  const remove = useDeleteManagementTraining(organisationId);
  const [editing, setEditing] = useState<Training | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Training | null>(null);

  if (records.isPending || organisation.isPending) return <PageLoader />;
  if (records.error) return <ErrorAlert error={records.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const { person, trainings, approvals } = records.data;
  const can = permissionsOf(organisation.data.me);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/management`} size="sm">
        ← {t('management.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t('management.kicker')}
          </Text>
          <Title order={1} size="h2">
            {person.name}
          </Title>
        </Stack>
        {can.editPeople && (
          <Button variant="light" onClick={() => setEditing('new')}>
            {t('management.recordTraining')}
          </Button>
        )}
      </Group>

      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('management.trainings.title')}
        </Title>
        {trainings.length === 0 ? (
          <Text size="sm">{t('management.trainings.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="management-trainings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('management.field.heldOn')}</Table.Th>
                  <Table.Th>{t('management.field.provider')}</Table.Th>
                  <Table.Th>{t('management.field.agenda')}</Table.Th>
                  <Table.Th>{t('management.field.certificate')}</Table.Th>
                  {can.editPeople && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trainings.map((training) => (
                  <Table.Tr key={training.id}>
                    <Table.Td>{formatCalendarDate(training.heldOn)}</Table.Td>
                    <Table.Td>{training.provider}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{training.agenda}</Table.Td>
                    <Table.Td>
                      {training.certificate ? (
                        <Anchor href={evidenceDownloadUrl(organisationId, training.certificate.id)} size="sm">
                          {training.certificate.fileName}
                        </Anchor>
                      ) : (
                        '–'
                      )}
                    </Table.Td>
                    {can.editPeople && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button variant="subtle" size="xs" onClick={() => setEditing(training)}>
                            {t('common.edit')}
                          </Button>
                          <Button variant="subtle" size="xs" color="red" onClick={() => setDeleting(training)}>
                            {t('common.remove')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed" mt="sm">
          {t('management.trainings.hint', { requirement: CERTIFICATE_REQUIREMENT_ID })}
        </Text>
      </Card>

      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('management.approvals.title')}
        </Title>
        {approvals.length === 0 ? (
          <Text size="sm">{t('management.approvals.empty')}</Text>
        ) : (
          <Stack gap="xs" data-testid="management-approvals">
            {approvals.map((approval) => (
              <Card key={approval.id} withBorder padding="sm">
                <Text size="sm" fw={600}>
                  {t('management.approvals.at', { date: formatDateTime(approval.approvedAt) })}
                </Text>
                <Text size="sm">{t('management.status.kbv', { done: approval.kbvDone, total: approval.kbvTotal })}</Text>
                <Text size="sm">{t('management.status.nis2', { done: approval.nis2Done, total: approval.nis2Total })}</Text>
                {approval.remark && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {approval.remark}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        )}
      </Card>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('management.recordTrainingFor', { name: person.name }) : t('management.editTraining')}
        size="lg"
      >
        {editing !== null && (
          <ManagementTrainingForm
            organisationId={organisationId}
            personId={person.id}
            training={editing === 'new' ? null : editing}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
      <ConfirmModal
        subject={deleting}
        title={t('management.removeTitle')}
        text={t('management.removeText')}
        confirmLabel={t('common.remove')}
        mutation={remove}
        keyOf={(training) => training.id}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

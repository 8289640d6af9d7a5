import { Alert, Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ManagementApprovalState, ManagementTrainingState } from '../../../domain/management/management.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate, formatDate } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { type ManagementOverview, useApproveMeasures, useManagementOverview } from './management.api.ts';
import { ManagementTrainingForm } from './management-training-form.tsx';

type Director = ManagementOverview['directors'][number];

export const trainingColor: Record<ManagementTrainingState, string> = { missing: 'red', lapsed: 'red', due_soon: 'orange', current: 'green' };
export const approvalColor: Record<ManagementApprovalState, string> = { missing: 'red', changed: 'orange', current: 'green' };

/** The training badge: missing, valid until …, lapses in N days, lapsed on …. */
export function TrainingBadge({ training }: { training: Director['training'] }) {
  const { t } = useTranslation();
  const text =
    training.state === 'missing'
      ? t('management.training.missing')
      : t(`management.training.${training.state}`, { date: formatCalendarDate(training.dueOn), count: Math.abs(training.daysLeft ?? 0) });
  return (
    <Badge color={trainingColor[training.state]} variant="light" style={{ textTransform: 'none' }}>
      {text}
    </Badge>
  );
}

export function ApprovalBadge({ director }: { director: Pick<Director, 'approval' | 'lastApprovalAt'> }) {
  const { t } = useTranslation();
  const { state, changesSince } = director.approval;
  const text =
    state === 'missing'
      ? t('management.approval.missing')
      : t(`management.approval.${state}`, { date: formatDate(director.lastApprovalAt), count: changesSince });
  return (
    <Badge color={approvalColor[state]} variant="light" style={{ textTransform: 'none' }}>
      {text}
    </Badge>
  );
}

/** The approval of § 38 Abs. 1 BSIG: what stands now, in numbers, an optional remark, and the declaration. */
function ApproveModal({
  organisationId,
  director,
  status,
  onClose,
}: {
  organisationId: string;
  director: Director | null;
  status: ManagementOverview['status'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const approve = useApproveMeasures(organisationId, director?.personId ?? '');
  const [remark, setRemark] = useState('');
  const close = () => {
    approve.reset();
    setRemark('');
    onClose();
  };
  return (
    <Modal opened={director !== null} onClose={close} title={t('management.approve.title')} size="lg">
      <Stack>
        <Text size="sm">{t('management.approve.text')}</Text>
        <Card withBorder padding="sm">
          <Text size="sm">{t('management.status.kbv', { done: status.kbv.done, total: status.kbv.total })}</Text>
          <Text size="sm">{t('management.status.nis2', { done: status.nis2.done, total: status.nis2.total })}</Text>
        </Card>
        <Textarea
          label={t('management.field.remark')}
          description={t('management.hint.remark')}
          value={remark}
          onChange={(e) => setRemark(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {approve.error && <ErrorAlert error={approve.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button loading={approve.isPending} onClick={() => approve.mutate({ remark }, { onSuccess: close })} data-testid="management-approve-confirm">
            {t('management.approve.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * § 38 BSIG at a glance: per managing director the training (Abs. 3) and the approval of the measures (Abs. 1), what
 * is missing, and the measures as they stand now. A director approves only for themselves, signed in.
 */
export function ManagementPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const overview = useManagementOverview(organisationId);
  const organisation = useOrganisation(organisationId);
  const [recording, setRecording] = useState<Director | null>(null);
  const [approving, setApproving] = useState<Director | null>(null);

  if (overview.isPending || organisation.isPending) return <PageLoader />;
  if (overview.error) return <ErrorAlert error={overview.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const { directors, status } = overview.data;
  const can = permissionsOf(organisation.data.me);

  return (
    <Stack gap="lg">
      <PageHeader title={t('management.title')} description={t('management.description')} />
      <Alert color="blue" title={t('management.duties.title')}>
        <Stack gap={4}>
          <Text size="sm">{t('management.duties.approval')}</Text>
          <Text size="sm">{t('management.duties.training')}</Text>
          <Text size="sm">{t('management.duties.liability')}</Text>
        </Stack>
      </Alert>
      <Card withBorder padding="lg" data-testid="management-status">
        <Title order={2} size="h4" mb="xs">
          {t('management.status.title')}
        </Title>
        <Text size="sm">{t('management.status.kbv', { done: status.kbv.done, total: status.kbv.total })}</Text>
        <Text size="sm">{t('management.status.nis2', { done: status.nis2.done, total: status.nis2.total })}</Text>
        <Text size="xs" c="dimmed" mt="xs">
          {t('management.status.hint')}
        </Text>
      </Card>
      {directors.length === 0 ? (
        <Card withBorder padding="lg" data-testid="management-empty">
          <Text>{t('management.empty')}</Text>
          <Anchor component={Link} to={`/o/${organisationId}/staff`} size="sm" mt="xs">
            {t('management.toPeople')}
          </Anchor>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {directors.map((director) => (
            <Card key={director.personId} withBorder padding="lg" data-testid={`director-${director.personId}`}>
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start">
                  <Anchor component={Link} to={`/o/${organisationId}/management/${director.personId}`} fw={600} size="lg">
                    {director.name}
                  </Anchor>
                  {director.missing.length === 0 ? (
                    <Badge color="green">{t('management.complete')}</Badge>
                  ) : (
                    <Badge color="red">{t('management.missingCount', { count: director.missing.length })}</Badge>
                  )}
                </Group>
                <Group gap="xs">
                  <Text size="sm" w={170}>
                    {t('management.training.label')}
                  </Text>
                  <TrainingBadge training={director.training} />
                </Group>
                <Group gap="xs">
                  <Text size="sm" w={170}>
                    {t('management.approval.label')}
                  </Text>
                  <ApprovalBadge director={director} />
                </Group>
                {!director.hasAccount && (
                  <Text size="xs" c="dimmed">
                    {t('management.noAccount')}
                  </Text>
                )}
                <Group gap="xs">
                  {can.editPeople && (
                    <Button variant="light" size="xs" onClick={() => setRecording(director)}>
                      {t('management.recordTraining')}
                    </Button>
                  )}
                  {director.isYou && can.approveMeasures && (
                    <Button size="xs" onClick={() => setApproving(director)} data-testid="management-approve">
                      {t('management.approve.button')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Modal
        opened={recording !== null}
        onClose={() => setRecording(null)}
        title={t('management.recordTrainingFor', { name: recording?.name ?? '' })}
        size="lg"
      >
        {recording && (
          <ManagementTrainingForm
            organisationId={organisationId}
            personId={recording.personId}
            training={null}
            onSaved={() => setRecording(null)}
            onCancel={() => setRecording(null)}
          />
        )}
      </Modal>
      <ApproveModal organisationId={organisationId} director={approving} status={status} onClose={() => setApproving(null)} />
    </Stack>
  );
}

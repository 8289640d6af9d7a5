import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_NOTE_MAX } from '../../../domain/documents/documents.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCalendarDate, formatDate } from '../../lib/format.ts';
import { useSession } from '../auth/auth.api.ts';
import { type DocumentDetail, documentFileUrl, useApproveDocumentVersion, useCreateDocumentVersion } from './documents.api.ts';

type Version = DocumentDetail['versions'][number];

function ApproveModal({
  organisationId,
  detail,
  version,
  onClose,
}: {
  organisationId: string;
  detail: DocumentDetail;
  version: Version | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const approve = useApproveDocumentVersion(organisationId, detail.kind);
  const [remark, setRemark] = useState('');
  return (
    <Modal opened={version !== null} onClose={onClose} title={version ? t('documents.page.approve', { number: version.number }) : ''} size="lg">
      {version && (
        <Stack gap="sm">
          <Text size="sm">{t('documents.page.approveHint')}</Text>
          <Alert color={detail.approvalCountsAsBilligung ? 'blue' : 'orange'} variant="light">
            {t(detail.approvalCountsAsBilligung ? 'documents.page.approveCountsHint' : 'documents.page.approveNotDirector')}
          </Alert>
          <Textarea
            label={t('documents.page.approveRemark')}
            maxLength={DOCUMENT_NOTE_MAX}
            value={remark}
            onChange={(e) => setRemark(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {approve.error && <ErrorAlert error={approve.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={approve.isPending}
              data-testid="approve-confirm"
              onClick={() => approve.mutate({ number: version.number, remark }, { onSuccess: () => onClose() })}
            >
              {t('documents.page.approve', { number: version.number })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function VersionRow({
  organisationId,
  detail,
  version,
  latest,
  onApprove,
}: {
  organisationId: string;
  detail: DocumentDetail;
  version: Version;
  latest: boolean;
  onApprove: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const myId = session.data && 'user' in session.data ? session.data.user.id : null;
  const mine = version.approvals.some((a) => a.approvedByUserId === myId);
  return (
    <Card withBorder padding="sm" data-testid={`version-${version.number}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>{t('documents.page.versionLine', { number: version.number, date: formatDate(version.createdAt) })}</Text>
            {!latest && (
              <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                {t('documents.page.superseded')}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <Anchor href={documentFileUrl(organisationId, detail.kind, 'pdf', version.number)} download size="sm" data-testid={`version-${version.number}-pdf`}>
              {t('documents.page.pdf')}
            </Anchor>
            <Anchor
              href={documentFileUrl(organisationId, detail.kind, 'docx', version.number)}
              download
              size="sm"
              data-testid={`version-${version.number}-docx`}
            >
              {t('documents.page.docx')}
            </Anchor>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {[version.createdByName ? t('documents.page.createdBy', { name: version.createdByName }) : null, version.note || null].filter(Boolean).join(' · ')}
        </Text>
        {version.approvals.length > 0 ? (
          <Stack gap={4}>
            {version.approvals.map((a) => (
              <Group key={a.approvedByUserId} gap="xs">
                <Badge color="green" variant="light" style={{ textTransform: 'none' }}>
                  {t('documents.page.approvedBy', { name: a.approvedByName, date: formatDate(a.approvedAt) })}
                </Badge>
                {a.countsAsBilligung && (
                  <Text size="xs" c="dimmed">
                    {t('documents.page.billigung')}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {t('documents.page.reviewDue', { date: formatCalendarDate(a.reviewDue) })}
                </Text>
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="orange">
            {t('documents.page.notApproved')}
          </Text>
        )}
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {t('documents.page.sha')}: {version.contentSha256}
        </Text>
        {latest && detail.canApprove && !mine && (
          <Group>
            <Button size="xs" onClick={onApprove} data-testid="approve-open">
              {t('documents.page.approve', { number: version.number })}
            </Button>
          </Group>
        )}
        {latest && mine && (
          <Text size="xs" c="green">
            {t('documents.page.alreadyApproved')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The versions of a document: issue the next one, download each, and management's approval of the latest. */
export function DocumentVersions({ organisationId, detail, canEdit }: { organisationId: string; detail: DocumentDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const create = useCreateDocumentVersion(organisationId, detail.kind);
  const [note, setNote] = useState('');
  const [approving, setApproving] = useState<Version | null>(null);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('documents.page.versionsTitle')}
        </Title>
        {canEdit && (
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('documents.page.versionNote')}
              value={note}
              maxLength={DOCUMENT_NOTE_MAX}
              onChange={(e) => setNote(e.currentTarget.value)}
              w={360}
            />
            <Button
              loading={create.isPending}
              disabled={detail.unfinished.length > 0}
              data-testid="version-create"
              onClick={() => create.mutate({ note }, { onSuccess: () => setNote('') })}
            >
              {t('documents.page.createVersion')}
            </Button>
          </Group>
        )}
        {create.error && <ErrorAlert error={create.error} />}
        {detail.versions.length === 0 && <Text c="dimmed">{t('documents.page.noVersions')}</Text>}
        {detail.versions.map((version, index) => (
          <VersionRow
            key={version.id}
            organisationId={organisationId}
            detail={detail}
            version={version}
            latest={index === 0}
            onApprove={() => setApproving(version)}
          />
        ))}
      </Stack>
      <ApproveModal organisationId={organisationId} detail={detail} version={approving} onClose={() => setApproving(null)} />
    </Card>
  );
}

import { Anchor, Button, Card, FileInput, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MAX_BYTES } from '../../../domain/compliance/evidence.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrors } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { type Evidence, evidenceDownloadUrl, type RequirementDetail, useDeleteEvidence, useEvidence, useUploadEvidence } from './catalog.api.ts';

const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.gif,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,application/pdf,image/*';

function formatSize(bytes: number) {
  const locale = currentLocale() === 'de' ? 'de-DE' : 'en-GB';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

export function EvidenceCard({
  organisationId,
  requirement,
  locationId,
  canEdit,
}: {
  organisationId: string;
  requirement: RequirementDetail;
  locationId: string | null;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const evidence = useEvidence(organisationId, requirement.id);
  const upload = useUploadEvidence(organisationId, requirement.id);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<Evidence | null>(null);
  const locationName = (id: string | null) => (id ? (requirement.locations.find((l) => l.id === id)?.name ?? '–') : t('requirement.wholeOrganisation'));

  const submit = () => {
    setProblems([]);
    setFileError(null);
    if (!file) {
      setFileError(t('errors.evidence.file_missing'));
      return;
    }
    if (file.size > EVIDENCE_MAX_BYTES) {
      setFileError(t('requirement.tooLarge'));
      return;
    }
    upload.mutate(
      { file, locationId },
      {
        onSuccess: () => setFile(null),
        onError: (error) => {
          const { fields, rest } = fieldErrors(t, error);
          if (fields.file) setFileError(fields.file);
          else if (error && typeof error === 'object' && 'status' in error && error.status === 413) setFileError(t('requirement.tooLarge'));
          else setProblems(rest.length ? rest : Object.values(fields));
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('requirement.evidenceTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('requirement.evidenceHint')}
        </Text>
        {evidence.error && <ErrorAlert error={evidence.error} />}
        {evidence.data && evidence.data.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('requirement.noEvidence')}
          </Text>
        )}
        {evidence.data && evidence.data.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" data-testid="evidence-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('requirement.file')}</Table.Th>
                  <Table.Th>{t('requirement.scopeShort')}</Table.Th>
                  <Table.Th>{t('requirement.uploadedAt')}</Table.Th>
                  {canEdit && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {evidence.data.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Anchor href={evidenceDownloadUrl(organisationId, item.id)} download={item.fileName} size="sm" data-testid="evidence-download">
                        {item.fileName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {formatSize(item.sizeBytes)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{locationName(item.locationId)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(item.uploadedAt)}</Text>
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(item)}>
                          {t('requirement.deleteEvidence')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canEdit && (
          <Stack gap="xs">
            <FileInput
              label={t('requirement.upload')}
              description={t('requirement.uploadHint', { scope: locationName(locationId) })}
              placeholder={t('requirement.chooseFile')}
              accept={EVIDENCE_ACCEPT}
              value={file}
              onChange={(next) => {
                setFile(next);
                setFileError(null);
              }}
              error={fileError}
              clearable
              maw={520}
              data-testid="evidence-file"
            />
            <Group>
              <Button onClick={submit} loading={upload.isPending} variant="light">
                {t('requirement.uploadButton')}
              </Button>
            </Group>
            <ErrorAlert messages={problems} />
          </Stack>
        )}
      </Stack>
      <DeleteEvidenceModal organisationId={organisationId} requirementId={requirement.id} evidence={deleting} onClose={() => setDeleting(null)} />
    </Card>
  );
}

function DeleteEvidenceModal({
  organisationId,
  requirementId,
  evidence,
  onClose,
}: {
  organisationId: string;
  requirementId: string;
  evidence: Evidence | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteEvidence(organisationId, requirementId);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={evidence !== null} onClose={close} title={t('requirement.deleteTitle')}>
      <Stack>
        <Text>{t('requirement.deleteText', { name: evidence?.fileName ?? '' })}</Text>
        {remove.error && <ErrorAlert error={remove.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => evidence && remove.mutate(evidence.id, { onSuccess: close })}>
            {t('requirement.deleteEvidence')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

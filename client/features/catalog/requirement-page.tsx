import { Alert, Anchor, Badge, Button, Card, FileInput, Grid, Group, Modal, SegmentedControl, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EVIDENCE_MAX_BYTES } from '../../../domain/compliance/evidence.ts';
import { requirementStatuses, type RequirementStatus } from '../../../domain/compliance/requirement-status.schema.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { RequirementStartText } from '../../components/requirement-start.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { fieldErrors } from '../../lib/form-errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { useMembers } from '../users/users.api.ts';
import {
  evidenceDownloadUrl,
  useDeleteEvidence,
  useEvidence,
  useRequirement,
  useUpdateRequirementStatus,
  useUploadEvidence,
  type Evidence,
  type RequirementDetail,
  type StatusEntry,
} from './catalog.api.ts';

const ORGANISATION = 'organisation';
const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.gif,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,application/pdf,image/*';

export function RequirementPage() {
  const { t } = useTranslation();
  const { organisationId = '', requirementId = '' } = useParams();
  const requirement = useRequirement(organisationId, requirementId);
  const organisation = useOrganisation(organisationId);
  const [scope, setScope] = useState<string>(ORGANISATION);

  if (requirement.isPending || organisation.isPending) return <PageLoader />;
  if (requirement.error) return <ErrorAlert error={requirement.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const r = requirement.data;
  const canEdit = permissionsOf(organisation.data.me).editRequirements;
  const locationId = scope === ORGANISATION ? null : scope;
  const entry = r.entries.find((e) => e.locationId === locationId) ?? null;
  const locale = currentLocale();

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/catalog`} size="sm">
        ← {t('catalog.back')}
      </Anchor>
      <Stack gap={4}>
        <Text c="dimmed" size="sm">
          {r.reference}
        </Text>
        <Title order={1} size="h2">
          {locale === 'de' ? r.titleDe : r.titleEn}
        </Title>
      </Stack>
      <About requirement={r} />
      <Card withBorder padding="lg">
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('requirement.statusTitle')}
          </Title>
          {r.locations.length > 1 && (
            <ScopePicker requirement={r} value={scope} onChange={setScope} />
          )}
          {canEdit ? (
            <StatusForm key={scope} organisationId={organisationId} requirementId={r.id} locationId={locationId} entry={entry} />
          ) : (
            <StatusView entry={entry} organisationId={organisationId} />
          )}
        </Stack>
      </Card>
      <EvidenceCard organisationId={organisationId} requirement={r} locationId={locationId} canEdit={canEdit} />
    </Stack>
  );
}

function About({ requirement: r }: { requirement: RequirementDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const targetObject = locale === 'de' ? r.targetObjectDe : r.targetObjectEn;
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light">{r.framework === 'kbv' ? t('catalog.kbv') : t('catalog.nis2')}</Badge>
          {r.annex !== null && <Badge variant="outline">{t('catalog.annex', { annex: r.annex })}</Badge>}
          {r.applicable ? (
            <Badge color={r.mandatory ? 'red' : 'yellow'} variant="light">
              {r.mandatory ? t('requirement.mandatory') : t('requirement.notYetMandatory')}
            </Badge>
          ) : (
            <Badge color="gray" variant="outline">
              {t('catalog.notApplicable')}
            </Badge>
          )}
          {r.newInRevision && (
            <Badge color="blue" variant="dot">
              {t('catalog.new')}
            </Badge>
          )}
        </Group>
        <Text>{locale === 'de' ? r.summaryDe : r.summaryEn}</Text>
        {r.summaryConfidence === 'inferred' && (
          <Text size="sm" c="dimmed" data-testid="inferred-note">
            {t('requirement.inferred')}
            {r.sourceUrl && (
              <>
                {' '}
                <Anchor href={r.sourceUrl} target="_blank" rel="noreferrer" size="sm">
                  {t('requirement.source')}
                </Anchor>
              </>
            )}
          </Text>
        )}
        <Grid gap="sm">
          {targetObject && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Text size="sm" c="dimmed">
                {t('requirement.targetObject')}
              </Text>
              <Text size="sm">{targetObject}</Text>
            </Grid.Col>
          )}
          {r.effectiveFrom && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Text size="sm" c="dimmed">
                {t('requirement.effective')}
              </Text>
              <RequirementStartText requirement={r} />
            </Grid.Col>
          )}
        </Grid>
        <Alert color={r.applicable ? 'teal' : 'gray'} variant="light" title={r.applicable ? t('requirement.whyApplies') : t('requirement.whyNot')}>
          {r.reason[locale]}
          {r.reason.legalBasis.length > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {r.reason.legalBasis.join('; ')}
            </Text>
          )}
        </Alert>
      </Stack>
    </Card>
  );
}

function ScopePicker({ requirement: r, value, onChange }: { requirement: RequirementDetail; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const statusOf = (locationId: string | null) => r.entries.find((e) => e.locationId === locationId)?.status;
  const organisationWide = statusOf(null) ?? 'open';
  return (
    <Stack gap="xs">
      <Select
        label={t('requirement.scope')}
        description={t('requirement.scopeHint')}
        allowDeselect={false}
        value={value}
        onChange={(next) => next && onChange(next)}
        data={[
          { value: ORGANISATION, label: `${t('requirement.wholeOrganisation')} · ${t(`requirementStatus.${organisationWide}`)}` },
          ...r.locations.map((l) => ({ value: l.id, label: `${l.name} · ${t(`requirementStatus.${statusOf(l.id) ?? organisationWide}`)}` })),
        ]}
        maw={480}
      />
      <Group gap="sm">
        {r.locations.map((l) => (
          <Group key={l.id} gap={6} wrap="nowrap">
            <Text size="sm">{l.name}:</Text>
            <StatusBadge status={statusOf(l.id) ?? organisationWide} />
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

interface StatusValues {
  status: RequirementStatus;
  notApplicableReason: string;
  ownerUserId: string | null;
  dueDate: string;
  notes: string;
}

function StatusForm({ organisationId, requirementId, locationId, entry }: { organisationId: string; requirementId: string; locationId: string | null; entry: StatusEntry | null }) {
  const { t } = useTranslation();
  const members = useMembers(organisationId);
  const update = useUpdateRequirementStatus(organisationId, requirementId);
  const [problems, setProblems] = useState<string[]>([]);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const form = useForm<StatusValues>({
    mode: 'controlled',
    initialValues: {
      status: entry?.status ?? 'open',
      notApplicableReason: entry?.notApplicableReason ?? '',
      ownerUserId: entry?.ownerUserId ?? null,
      dueDate: entry?.dueDate ?? '',
      notes: entry?.notes ?? '',
    },
    onValuesChange: () => setSavedAt(null),
  });

  const submit = form.onSubmit((values) => {
    setProblems([]);
    if (values.status === 'not_applicable' && !values.notApplicableReason.trim()) {
      form.setFieldError('notApplicableReason', t('errors.reason_required'));
      return;
    }
    update.mutate(
      {
        locationId,
        status: values.status,
        notApplicableReason: values.status === 'not_applicable' ? values.notApplicableReason : null,
        ownerUserId: values.ownerUserId,
        dueDate: values.dueDate || null,
        notes: values.notes || null,
      },
      {
        onSuccess: () => setSavedAt(new Date()),
        onError: (error) => {
          const { fields, rest } = fieldErrors(t, error, form.values);
          form.setErrors(fields);
          setProblems(rest);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate data-testid="status-form">
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('requirement.status')}
          </Text>
          <SegmentedControl
            aria-label={t('requirement.status')}
            data={requirementStatuses.map((status) => ({ value: status, label: t(`requirementStatus.${status}`) }))}
            value={form.values.status}
            onChange={(value) => form.setFieldValue('status', value as RequirementStatus)}
            fullWidth
            orientation="horizontal"
            styles={{ label: { whiteSpace: 'normal' } }}
          />
        </Stack>
        {form.values.status === 'not_applicable' && (
          <Textarea
            label={t('requirement.reason')}
            description={t('requirement.reasonHint')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('notApplicableReason')}
          />
        )}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('requirement.owner')}
              placeholder={t('requirement.noOwner')}
              clearable
              searchable
              data={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
              {...form.getInputProps('ownerUserId')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput type="date" label={t('requirement.dueDate')} {...form.getInputProps('dueDate')} />
          </Grid.Col>
        </Grid>
        <Textarea label={t('requirement.notes')} description={t('requirement.notesHint')} autosize minRows={3} {...form.getInputProps('notes')} />
        <ErrorAlert messages={problems} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {entry ? t('requirement.updatedAt', { date: formatDateTime(entry.updatedAt) }) : t('requirement.notStarted')}
          </Text>
          <Group gap="sm">
            {savedAt && (
              <Text size="sm" c="teal" fw={600} role="status" data-testid="status-saved">
                ✓ {t('requirement.saved')}
              </Text>
            )}
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function StatusView({ entry, organisationId }: { entry: StatusEntry | null; organisationId: string }) {
  const { t } = useTranslation();
  const members = useMembers(organisationId);
  const owner = entry?.ownerUserId ? members.data?.find((m) => m.userId === entry.ownerUserId)?.name : null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <StatusBadge status={entry?.status ?? 'open'} />
      </Group>
      {entry?.notApplicableReason && <Text size="sm">{t('requirement.reason')}: {entry.notApplicableReason}</Text>}
      <Text size="sm">
        {t('requirement.owner')}: {owner ?? '–'} · {t('requirement.dueDate')}: {formatDate(entry?.dueDate)}
      </Text>
      {entry?.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{entry.notes}</Text>}
      <Text size="xs" c="dimmed">
        {t('requirement.readOnly')}
      </Text>
    </Stack>
  );
}

function formatSize(bytes: number) {
  const locale = currentLocale() === 'de' ? 'de-DE' : 'en-GB';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

function EvidenceCard({ organisationId, requirement, locationId, canEdit }: { organisationId: string; requirement: RequirementDetail; locationId: string | null; canEdit: boolean }) {
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

function DeleteEvidenceModal({ organisationId, requirementId, evidence, onClose }: { organisationId: string; requirementId: string; evidence: Evidence | null; onClose: () => void }) {
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

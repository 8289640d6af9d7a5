import { Anchor, Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MAX_BYTES } from '../../../domain/compliance/evidence.ts';
import type { SupplierInput } from '../../../domain/suppliers/suppliers.schema.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ApiRequestError } from '../../lib/api.ts';
import { fieldErrors } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { evidenceDownloadUrl, useDeleteEvidence, useUploadEvidence } from '../catalog/catalog.api.ts';
import { supplierInputOf, supplierValues } from './supplier-form.tsx';
import { type SupplierDetail, useSaveSupplier } from './suppliers.api.ts';

/**
 * The requirement whose evidence the signed AVV becomes: KBV Anlage 1 Nr. 4 (a written agreement before externals
 * reach patient information), the catalog entry the "AVV fehlt" warning points to first for practices.
 */
export const AVV_REQUIREMENT_ID = 'KBV-A1-04';

/** What the evidence route accepts (PDF, images, office documents; the server checks the content, not the name). */
const AVV_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.gif,.tif,.tiff,.doc,.docx,.odt,application/pdf,image/*';

/**
 * The signed processor agreement (Art. 28 DSGVO) of one supplier: upload it (it is stored as evidence of KBV-A1-04
 * and linked to the supplier, whose AVV status becomes "signed"), download it, replace it or unlink it. The link is
 * saved with the revision the page was read at, so a change someone else made meanwhile is reported, not overwritten.
 */
export function SupplierAvvCard({ organisationId, supplier, canEdit }: { organisationId: string; supplier: SupplierDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(organisationId, AVV_REQUIREMENT_ID);
  const discard = useDeleteEvidence(organisationId, AVV_REQUIREMENT_ID);
  const save = useSaveSupplier(organisationId);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [unlinking, setUnlinking] = useState<SupplierDetail | null>(null);
  const current = supplier.avvEvidence;

  /** The supplier as it was read, with the AVV link (and, with a new file, the status "signed") changed. */
  const inputWith = (avvEvidenceId: string | null): SupplierInput => {
    const input = supplierInputOf(supplierValues(supplier), avvEvidenceId) as SupplierInput;
    return avvEvidenceId ? { ...input, avvStatus: 'signed' } : input;
  };
  const link = useMutation({
    mutationFn: async (chosen: File) => {
      const stored = await upload.mutateAsync({ file: chosen, locationId: null });
      try {
        return await save.mutateAsync({ id: supplier.id, revision: supplier.revision, input: inputWith(stored.id) });
      } catch (error) {
        // The file was stored but could not be linked (e.g. someone changed the supplier meanwhile): take it back,
        // so that no unlinked copy is left among the evidence. The person uploads again on the fresh page.
        await discard.mutateAsync(stored.id).catch(() => undefined);
        throw error;
      }
    },
    onSuccess: () => setFile(null),
    onError: (error) => {
      const { fields } = fieldErrors(t, error);
      if (fields.file) setFileError(fields.file);
      else if (error instanceof ApiRequestError && error.status === 413) setFileError(t('supplierAvv.tooLarge'));
    },
  });
  // Unlinking keeps the file among the evidence of the requirement; the confirmation shows a conflict in place.
  const unlink = useMutation({
    mutationFn: (_supplierId: string) => save.mutateAsync({ id: supplier.id, revision: supplier.revision, input: inputWith(null) }),
  });

  const submit = () => {
    link.reset();
    setFileError(null);
    if (!file) return setFileError(t('supplierAvv.fileMissing'));
    if (file.size > EVIDENCE_MAX_BYTES) return setFileError(t('supplierAvv.tooLarge'));
    link.mutate(file);
  };
  const problem = link.error;
  const conflict = problem instanceof ApiRequestError && problem.status === 409;
  // Errors at the file are shown at the control; everything else (a conflict, a lost connection) above it.
  const shownAbove = problem && !fileError ? problem : undefined;

  return (
    <Card withBorder padding="lg" data-testid="supplier-avv">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('supplierAvv.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('supplierAvv.hint', { requirement: AVV_REQUIREMENT_ID })}
        </Text>
        {current ? (
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Anchor href={evidenceDownloadUrl(organisationId, current.id)} download={current.fileName} size="sm" data-testid="supplier-avv-download">
              {current.fileName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('supplierAvv.uploadedAt', { at: formatDateTime(current.uploadedAt) })}
            </Text>
          </Group>
        ) : (
          <Text size="sm" data-testid="supplier-avv-none">
            {t('supplierAvv.none')}
          </Text>
        )}
        {shownAbove !== undefined && <ErrorAlert error={conflict ? undefined : shownAbove} messages={conflict ? [t('supplierAvv.conflict')] : undefined} />}
        {canEdit && (
          <Group align="flex-end" gap="sm">
            <FileInput
              label={t('supplierAvv.file')}
              description={t('supplierAvv.fileHint')}
              placeholder={t('supplierAvv.choose')}
              accept={AVV_ACCEPT}
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                setFileError(null);
              }}
              error={fileError}
              clearable
              style={{ flex: 1, minWidth: 240 }}
              data-testid="supplier-avv-file"
            />
            <Button onClick={submit} loading={link.isPending} data-testid="supplier-avv-upload">
              {t(current ? 'supplierAvv.replace' : 'supplierAvv.upload')}
            </Button>
            {current && (
              <Button variant="subtle" color="red" onClick={() => setUnlinking(supplier)} data-testid="supplier-avv-unlink">
                {t('supplierAvv.unlink')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmModal
        subject={unlinking}
        title={t('supplierAvv.unlinkTitle')}
        text={t('supplierAvv.unlinkText', { file: current?.fileName ?? '', requirement: AVV_REQUIREMENT_ID })}
        confirmLabel={t('supplierAvv.unlink')}
        mutation={unlink}
        keyOf={(x) => x.id}
        onClose={() => setUnlinking(null)}
      />
    </Card>
  );
}

import { Button, FileInput, Grid, Group, NumberInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MAX_BYTES } from '../../../domain/compliance/evidence.ts';
import { type ManagementTrainingInput, managementTrainingInputSchema } from '../../../domain/management/management.ts';
import { DateInput } from '../../components/date-input.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useUploadEvidence } from '../catalog/catalog.api.ts';
import { type ManagementTraining, useSaveManagementTraining } from './management.api.ts';

/**
 * The requirement a director's certificate becomes evidence of: KBV Anlage 1 Nr. 8 (awareness of the practice's
 * management), which every practice has; § 38 Abs. 3 BSIG asks for more, but the certificate shows both.
 */
export const CERTIFICATE_REQUIREMENT_ID = 'KBV-A1-08';

export interface TrainingValues extends Record<string, unknown> {
  heldOn: string;
  provider: string;
  agenda: string;
  durationMinutes: number | string;
  notes: string;
}

const valuesOf = (training: ManagementTraining | null): TrainingValues => ({
  heldOn: training?.heldOn ?? '',
  provider: training?.provider ?? '',
  agenda: training?.agenda ?? '',
  durationMinutes: training?.durationMinutes ?? '',
  notes: training?.notes ?? '',
});

/**
 * Records or changes one training of a managing director (§ 38 Abs. 3 BSIG); a certificate chosen here is stored as
 * evidence of KBV-A1-08 and linked. What was typed stays when the server refuses or someone else saved meanwhile.
 */
export function ManagementTrainingForm({
  organisationId,
  personId,
  training,
  onSaved,
  onCancel,
}: {
  organisationId: string;
  personId: string;
  training: ManagementTraining | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveManagementTraining(organisationId, personId);
  const upload = useUploadEvidence(organisationId, CERTIFICATE_REQUIREMENT_ID);
  const [certificate, setCertificate] = useState<File | null>(null);
  const [certificateError, setCertificateError] = useState<string | null>(null);
  const toInput = (values: TrainingValues) => ({
    ...values,
    durationMinutes: values.durationMinutes === '' ? null : Number(values.durationMinutes),
    certificateEvidenceId: training?.certificateEvidenceId ?? null,
  });
  const schemaForm = useSchemaForm<TrainingValues>({ schema: managementTrainingInputSchema, initialValues: valuesOf(training), toInput });
  const { form } = schemaForm;
  const field = (name: Extract<keyof TrainingValues, string>) => ({ label: t(`management.field.${name}`), ...form.getInputProps(name) });

  const submit = schemaForm.onSubmit(async (values) => {
    setCertificateError(null);
    let input = managementTrainingInputSchema.parse(toInput(values)) as ManagementTrainingInput;
    if (certificate) {
      if (certificate.size > EVIDENCE_MAX_BYTES) return setCertificateError(t('management.certificateTooLarge'));
      try {
        const stored = await upload.mutateAsync({ file: certificate, locationId: null });
        input = { ...input, certificateEvidenceId: stored.id };
      } catch (error) {
        return schemaForm.showError(error);
      }
    }
    save.mutate({ id: training?.id, revision: training?.revision, input }, { onSuccess: onSaved, onError: schemaForm.showError });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateInput {...field('heldOn')} required data-autofocus />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput {...field('durationMinutes')} description={t('management.hint.durationMinutes')} min={15} max={2400} allowDecimal={false} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput {...field('provider')} description={t('management.hint.provider')} required />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea {...field('agenda')} description={t('management.hint.agenda')} required autosize minRows={2} maxRows={6} />
        </Grid.Col>
        <Grid.Col span={12}>
          <FileInput
            label={t('management.field.certificate')}
            description={training?.certificateEvidenceId ? t('management.hint.certificateReplace') : t('management.hint.certificate')}
            value={certificate}
            onChange={setCertificate}
            clearable
            error={certificateError}
            accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.odt,application/pdf,image/*"
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea {...field('notes')} autosize minRows={1} maxRows={4} />
        </Grid.Col>
        <Grid.Col span={12}>
          <FormProblems form={schemaForm} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending || upload.isPending} data-testid="management-training-save">
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

import { Button, Grid, Group, Select, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { avvStatuses, c5Bases, c5Types, type SupplierInput, supplierCriticalities, supplierInputSchema } from '../../../domain/suppliers/suppliers.schema.ts';
import { DateInput } from '../../components/date-input.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { type Supplier, useSaveSupplier } from './suppliers.api.ts';

type Answer = 'yes' | 'no' | 'unknown';

/** What the form holds: texts as typed, '' for an empty date or select, yes/no/unknown for the questions. */
export interface SupplierValues extends Record<string, unknown> {
  name: string;
  services: string;
  criticality: string;
  patientDataAccess: Answer;
  avvStatus: string;
  avvSignedOn: string;
  cloudHealthData: Answer;
  c5Basis: string;
  c5Type: string;
  c5Scope: string;
  c5ReportDate: string;
  c5ValidUntil: string;
  securityAgreement: Answer;
  auditRights: Answer;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  emergencyContact: string;
  emergencyPhone: string;
  subProcessors: string;
  nextReviewOn: string;
  notes: string;
}

const fromAnswer = (answer: Answer) => (answer === 'unknown' ? null : answer === 'yes');
const toAnswer = (value: boolean | null): Answer => (value === null ? 'unknown' : value ? 'yes' : 'no');

export function supplierValues(supplier: Supplier | null): SupplierValues {
  return {
    name: supplier?.name ?? '',
    services: supplier?.services ?? '',
    criticality: supplier?.criticality ?? 'medium',
    patientDataAccess: toAnswer(supplier?.patientDataAccess ?? null),
    avvStatus: supplier?.avvStatus ?? '',
    avvSignedOn: supplier?.avvSignedOn ?? '',
    cloudHealthData: toAnswer(supplier?.cloudHealthData ?? null),
    c5Basis: supplier?.c5Basis ?? '',
    c5Type: supplier?.c5Type ?? '',
    c5Scope: supplier?.c5Scope ?? '',
    c5ReportDate: supplier?.c5ReportDate ?? '',
    c5ValidUntil: supplier?.c5ValidUntil ?? '',
    securityAgreement: toAnswer(supplier?.securityAgreement ?? null),
    auditRights: toAnswer(supplier?.auditRights ?? null),
    contactName: supplier?.contactName ?? '',
    contactEmail: supplier?.contactEmail ?? '',
    contactPhone: supplier?.contactPhone ?? '',
    emergencyContact: supplier?.emergencyContact ?? '',
    emergencyPhone: supplier?.emergencyPhone ?? '',
    subProcessors: supplier?.subProcessors ?? '',
    nextReviewOn: supplier?.nextReviewOn ?? '',
    notes: supplier?.notes ?? '',
  };
}

/**
 * The request body the form's values stand for; the shared schema checks exactly this. The linked AVV document is
 * not edited here: it is sent back as it was, so that saving the form does not unlink it.
 */
export function supplierInputOf(values: SupplierValues, avvEvidenceId: string | null = null) {
  return {
    ...values,
    avvEvidenceId,
    avvStatus: values.avvStatus || null,
    avvSignedOn: values.avvSignedOn || null,
    c5Basis: values.c5Basis || null,
    c5Type: values.c5Type || null,
    c5ReportDate: values.c5ReportDate || null,
    c5ValidUntil: values.c5ValidUntil || null,
    nextReviewOn: values.nextReviewOn || null,
    patientDataAccess: fromAnswer(values.patientDataAccess),
    cloudHealthData: fromAnswer(values.cloudHealthData),
    securityAgreement: fromAnswer(values.securityAgreement),
    auditRights: fromAnswer(values.auditRights),
  };
}

function Section({ title, hint }: { title: string; hint: string }): ReactNode {
  return (
    <Grid.Col span={12} mt="sm">
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
    </Grid.Col>
  );
}

/**
 * Records or changes one supplier. The shared schema checks each field on leaving it; a change someone else saved
 * meanwhile (409) is reported above the buttons and what was typed stays.
 */
export function SupplierForm({
  organisationId,
  supplier,
  onSaved,
  onCancel,
}: {
  organisationId: string;
  supplier: Supplier | null;
  onSaved: (saved: Supplier) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSupplier(organisationId);
  const evidenceId = supplier?.avvEvidenceId ?? null;
  const toInput = (values: SupplierValues) => supplierInputOf(values, evidenceId);
  const schemaForm = useSchemaForm<SupplierValues>({ schema: supplierInputSchema, initialValues: supplierValues(supplier), toInput });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => {
    const input = supplierInputSchema.parse(toInput(values)) as SupplierInput;
    save.mutate({ id: supplier?.id, revision: supplier?.revision, input }, { onSuccess: onSaved, onError: schemaForm.showError });
  });
  const answers = (['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: t(`suppliers.answer.${value}`) }));
  const field = (name: Extract<keyof SupplierValues, string>) => ({ label: t(`suppliers.field.${name}`), ...form.getInputProps(name) });
  const hinted = (name: Extract<keyof SupplierValues, string>) => ({ ...field(name), description: t(`suppliers.hint.${name}`) });
  const answer = (name: Extract<keyof SupplierValues, string>) => <Select {...hinted(name)} allowDeselect={false} data={answers} />;
  const optional = (name: 'avvStatus' | 'c5Basis' | 'c5Type', values: readonly string[]) => (
    <Select
      {...hinted(name)}
      placeholder={t('suppliers.notSet')}
      clearable
      data={values.map((value) => ({ value, label: t(`suppliers.${name}.${value}`) }))}
      onChange={(value) => form.setFieldValue(name, value ?? '')}
    />
  );
  const cloud = form.values.cloudHealthData === 'yes';
  const half = { base: 12, sm: 6 };

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="sm">
        <Section title={t('suppliers.section.basics')} hint={t('suppliers.sectionHint.basics')} />
        <Grid.Col span={half}>
          <TextInput {...hinted('name')} required data-autofocus />
        </Grid.Col>
        <Grid.Col span={half}>
          <Select
            {...hinted('criticality')}
            allowDeselect={false}
            data={supplierCriticalities.map((c) => ({ value: c, label: t(`suppliers.criticality.${c}`) }))}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea {...hinted('services')} autosize minRows={2} maxRows={5} />
        </Grid.Col>
        <Grid.Col span={half}>
          <DateInput {...hinted('nextReviewOn')} />
        </Grid.Col>

        <Section title={t('suppliers.section.avv')} hint={t('suppliers.sectionHint.avv')} />
        <Grid.Col span={{ base: 12, sm: 4 }}>{answer('patientDataAccess')}</Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>{optional('avvStatus', avvStatuses)}</Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <DateInput {...hinted('avvSignedOn')} />
        </Grid.Col>

        <Section title={t('suppliers.section.c5')} hint={t('suppliers.sectionHint.c5')} />
        <Grid.Col span={half}>{answer('cloudHealthData')}</Grid.Col>
        {cloud && (
          <>
            <Grid.Col span={half}>{optional('c5Basis', c5Bases)}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>{optional('c5Type', c5Types)}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <DateInput {...hinted('c5ReportDate')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <DateInput {...hinted('c5ValidUntil')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea {...hinted('c5Scope')} autosize minRows={1} maxRows={4} />
            </Grid.Col>
          </>
        )}

        <Section title={t('suppliers.section.contract')} hint={t('suppliers.sectionHint.contract')} />
        <Grid.Col span={half}>{answer('securityAgreement')}</Grid.Col>
        <Grid.Col span={half}>{answer('auditRights')}</Grid.Col>
        <Grid.Col span={12}>
          <Textarea {...hinted('subProcessors')} autosize minRows={1} maxRows={4} />
        </Grid.Col>

        <Section title={t('suppliers.section.contact')} hint={t('suppliers.sectionHint.contact')} />
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput {...field('contactName')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput {...field('contactEmail')} type="email" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput {...field('contactPhone')} type="tel" />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextInput {...hinted('emergencyContact')} />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextInput {...field('emergencyPhone')} type="tel" />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea {...field('notes')} autosize minRows={2} maxRows={6} />
        </Grid.Col>
        <Grid.Col span={12}>
          <FormProblems form={schemaForm} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="supplier-save">
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

import { Button, Grid, Group, MultiSelect, Select, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { kbvRequirements } from '../../../domain/kbv/requirements.data.ts';
import { nis2Measures } from '../../../domain/nis2/measures.data.ts';
import { RISK_SCALE, type RiskInput, riskInputSchema, riskTreatments } from '../../../domain/risks/risks.schema.ts';
import { DateInput } from '../../components/date-input.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { currentLocale } from '../../lib/i18n.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { type Risk, useAxisLabel, useSaveRisk } from './risks.api.ts';

/** What the form holds: texts as typed, '' for a rating or date not given, the ratings as '1' … '5'. */
export interface RiskValues extends Record<string, unknown> {
  title: string;
  description: string;
  owner: string;
  likelihood: string;
  impact: string;
  residualLikelihood: string;
  residualImpact: string;
  treatment: string;
  measures: string;
  requirementIds: string[];
  reviewOn: string;
}

const rating = (value: number | null | undefined) => (value ? String(value) : '');
const toRating = (value: string) => (value === '' ? null : Number(value));

export function riskValues(risk: Risk | null): RiskValues {
  return {
    title: risk?.title ?? '',
    description: risk?.description ?? '',
    owner: risk?.owner ?? '',
    likelihood: rating(risk?.likelihood ?? 3),
    impact: rating(risk?.impact ?? 3),
    residualLikelihood: rating(risk?.residualLikelihood),
    residualImpact: rating(risk?.residualImpact),
    treatment: risk?.treatment ?? 'reduce',
    measures: risk?.measures ?? '',
    requirementIds: [...(risk?.requirementIds ?? [])],
    reviewOn: risk?.reviewOn ?? '',
  };
}

/** The request body the form's values stand for; the shared schema checks exactly this. The template id stays. */
export function riskInputOf(values: RiskValues, templateId: string | null = null) {
  return {
    ...values,
    likelihood: toRating(values.likelihood),
    impact: toRating(values.impact),
    residualLikelihood: toRating(values.residualLikelihood),
    residualImpact: toRating(values.residualImpact),
    reviewOn: values.reviewOn || null,
    templateId,
  };
}

/** The catalog's requirements as options: "KBV-A1-10 – Title". */
function requirementOptions() {
  const de = currentLocale() === 'de';
  return [
    ...kbvRequirements.map((r) => ({ value: r.id, label: `${r.id} – ${de ? r.titleDe : r.titleEn}` })),
    ...nis2Measures.map((m) => ({ value: m.id, label: `${m.id} – ${de ? m.titleDe : m.titleEn}` })),
  ];
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
 * Records or changes one risk. The shared schema checks each field on leaving it (a residual rating needs both
 * halves); a change someone else saved meanwhile (409) is reported above the buttons and what was typed stays.
 */
export function RiskForm({
  organisationId,
  risk,
  onSaved,
  onCancel,
}: {
  organisationId: string;
  risk: Risk | null;
  onSaved: (saved: Risk) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveRisk(organisationId);
  const axisLabel = useAxisLabel(organisationId);
  const templateId = risk?.templateId ?? null;
  const toInput = (values: RiskValues) => riskInputOf(values, templateId);
  const schemaForm = useSchemaForm<RiskValues>({
    schema: riskInputSchema,
    initialValues: riskValues(risk),
    toInput,
    issueText: (issue) => (issue.message === 'residual_pair' ? t('risks.issue.residualPair') : undefined),
  });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => {
    const input = riskInputSchema.parse(toInput(values)) as RiskInput;
    save.mutate({ id: risk?.id, revision: risk?.revision, input }, { onSuccess: onSaved, onError: schemaForm.showError });
  });
  const field = (name: Extract<keyof RiskValues, string>) => ({ label: t(`risks.field.${name}`), ...form.getInputProps(name) });
  const hinted = (name: Extract<keyof RiskValues, string>) => ({ ...field(name), description: t(`risks.hint.${name}`) });
  const scale = (axis: 'likelihood' | 'impact') =>
    Array.from({ length: RISK_SCALE }, (_, index) => ({ value: String(index + 1), label: `${index + 1} – ${axisLabel(axis, index + 1)}` }));
  const ratingSelect = (name: 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact', axis: 'likelihood' | 'impact', optional: boolean) => (
    <Select
      {...hinted(name)}
      data={scale(axis)}
      allowDeselect={optional}
      clearable={optional}
      placeholder={optional ? t('risks.notRated') : undefined}
      onChange={(value) => form.setFieldValue(name, value ?? '')}
    />
  );
  const half = { base: 12, sm: 6 };

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="sm">
        <Grid.Col span={12}>
          <TextInput {...field('title')} required data-autofocus />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea {...hinted('description')} autosize minRows={2} maxRows={5} />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextInput {...hinted('owner')} />
        </Grid.Col>
        <Grid.Col span={half}>
          <DateInput {...hinted('reviewOn')} />
        </Grid.Col>

        <Section title={t('risks.section.inherent')} hint={t('risks.sectionHint.inherent')} />
        <Grid.Col span={half}>{ratingSelect('likelihood', 'likelihood', false)}</Grid.Col>
        <Grid.Col span={half}>{ratingSelect('impact', 'impact', false)}</Grid.Col>

        <Section title={t('risks.section.treatment')} hint={t('risks.sectionHint.treatment')} />
        <Grid.Col span={12}>
          <Select
            {...field('treatment')}
            description={t(`risks.treatmentHint.${form.values.treatment}`)}
            allowDeselect={false}
            data={riskTreatments.map((value) => ({ value, label: t(`risks.treatment.${value}`) }))}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea {...hinted('measures')} autosize minRows={2} maxRows={6} />
        </Grid.Col>
        <Grid.Col span={half}>{ratingSelect('residualLikelihood', 'likelihood', true)}</Grid.Col>
        <Grid.Col span={half}>{ratingSelect('residualImpact', 'impact', true)}</Grid.Col>
        <Grid.Col span={12}>
          <MultiSelect
            {...hinted('requirementIds')}
            data={requirementOptions()}
            searchable
            clearable
            hidePickedOptions
            maxValues={20}
            nothingFoundMessage={t('risks.noRequirementFound')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <FormProblems form={schemaForm} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="risk-save">
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

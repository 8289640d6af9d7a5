import { Alert, Button, Grid, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RISK_SCALE, type RiskMatrixLabels, riskMatrixLabelsSchema } from '../../../domain/risks/risks.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { isApiError } from '../../lib/api.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { type RiskMatrixLabelsAnswer, useSaveRiskMatrixLabels } from './risks.api.ts';

const STEPS = Array.from({ length: RISK_SCALE }, (_, index) => index);

interface LabelValues extends Record<string, unknown> {
  likelihood: string[];
  impact: string[];
}

/**
 * Names the five steps of each axis for the organisation ("Achsen beschriften"). The shared schema checks each label on
 * leaving it (1–40 characters, no control characters); "Standard wiederherstellen" removes the own labels, so that
 * everyone sees the defaults in their language again. A change saved meanwhile by someone else (409) is reported and
 * the current version is fetched; what was typed stays.
 */
export function RiskMatrixLabelsForm({
  organisationId,
  current,
  onDone,
  onCancel,
}: {
  organisationId: string;
  current: RiskMatrixLabelsAnswer;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveRiskMatrixLabels(organisationId);
  const schemaForm = useSchemaForm<LabelValues>({
    schema: riskMatrixLabelsSchema,
    initialValues: { likelihood: [...current.likelihood], impact: [...current.impact] },
  });
  const { form } = schemaForm;
  const onError = (error: unknown) =>
    isApiError(error, 'risk.revision_conflict') ? schemaForm.setProblems([t('risks.matrixLabels.conflict')]) : schemaForm.showError(error);
  const submit = schemaForm.onSubmit((values) => {
    const labels = riskMatrixLabelsSchema.parse(values) as RiskMatrixLabels;
    save.mutate({ labels, revision: current.revision }, { onSuccess: onDone, onError });
  });
  const reset = () => save.mutate({ labels: null, revision: current.revision }, { onSuccess: onDone, onError });

  const axis = (name: 'likelihood' | 'impact') => (
    <Grid.Col span={{ base: 12, sm: 6 }}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t(`risks.matrixLabels.${name}`)}
        </Title>
        {STEPS.map((index) => (
          <TextInput
            key={index}
            label={t('risks.matrixLabels.level', { n: index + 1 })}
            maxLength={40}
            data-testid={`matrix-label-${name}-${index + 1}`}
            {...form.getInputProps(`${name}.${index}`)}
          />
        ))}
      </Stack>
    </Grid.Col>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('risks.matrixLabels.intro')}</Text>
        <Grid gap="sm">
          {axis('likelihood')}
          {axis('impact')}
        </Grid>
        <FormProblems form={schemaForm} />
        {current.custom && (
          <Alert variant="light" color="gray">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('risks.matrixLabels.resetHint')}</Text>
              <Button variant="default" size="xs" onClick={reset} loading={save.isPending} data-testid="matrix-labels-reset">
                {t('risks.matrixLabels.reset')}
              </Button>
            </Group>
          </Alert>
        )}
      </Stack>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('risks.matrixLabels.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="matrix-labels-save">
          {t('risks.matrixLabels.save')}
        </Button>
      </Group>
    </form>
  );
}

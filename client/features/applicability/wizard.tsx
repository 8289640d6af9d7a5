import { Alert, Button, Card, Group, Stack, Stepper } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrors } from '../../lib/form-errors.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { type Applicability, useRecordKbvCheck, useRecordNis2Check } from './applicability.api.ts';
import { Results } from './check-result.tsx';
import { Nis2Step } from './nis2-step.tsx';
import { KbvStep, TargetStep } from './wizard-fields.tsx';
import { errorsOfStep, validateWizard } from './wizard-validation.ts';
import { kbvRequest, nis2Request, stepOfPath, valuesFromStored, type WizardValues } from './wizard-values.ts';

const STEPS = 3;
const RESULT_STEP = STEPS;
const draftKey = (organisationId: string) => `praxisschild.applicability-draft.${organisationId}`;

function loadDraft(organisationId: string): WizardValues | null {
  try {
    const raw = sessionStorage.getItem(draftKey(organisationId));
    return raw ? (JSON.parse(raw) as WizardValues) : null;
  } catch {
    return null;
  }
}

function saveDraft(organisationId: string, values: WizardValues) {
  try {
    sessionStorage.setItem(draftKey(organisationId), JSON.stringify(values));
  } catch {
    // Storage is a convenience only.
  }
}

/** The three steps (practice, what it uses, NIS2 figures) and the result; both checks are stored together or not at all. */
export function Wizard({ organisationId, stored }: { organisationId: string; stored: Applicability }) {
  const { t } = useTranslation();
  const hasResult = Boolean(stored.nis2 || stored.kbv);
  const [draft] = useState(() => loadDraft(organisationId));
  const [active, setActive] = useState(draft || !hasResult ? 0 : RESULT_STEP);
  const [problems, setProblems] = useState<string[]>([]);
  const recordKbv = useRecordKbvCheck(organisationId);
  const recordNis2 = useRecordNis2Check(organisationId);
  const form = useForm<WizardValues>({
    mode: 'controlled',
    initialValues: draft ?? valuesFromStored(stored),
    onValuesChange: (values) => saveDraft(organisationId, values),
  });

  const go = (step: number) => {
    setActive(step);
    window.scrollTo({ top: 0 });
  };

  /** Errors of the shared schemas for the steps up to `last`; moves to the first step that has one. */
  const checkUpTo = (last: number): boolean => {
    const all = validateWizard(t, form.values, currentLocale());
    const shown: Record<string, string> = {};
    for (let step = 0; step <= last; step++) Object.assign(shown, errorsOfStep(all, step));
    form.setErrors(shown);
    const steps = Object.keys(shown).map(stepOfPath);
    if (steps.length > 0) go(Math.min(...steps));
    return steps.length === 0;
  };

  const next = () => {
    setProblems([]);
    if (checkUpTo(active)) go(active + 1);
  };

  const submit = async () => {
    setProblems([]);
    form.clearErrors();
    if (!checkUpTo(STEPS - 1)) return;
    const values = form.values;
    // NIS2 first: when it fails (e.g. the server refuses a figure), the KBV result is not stored either.
    for (const [prefix, record] of [
      ['nis2', () => recordNis2.mutateAsync(nis2Request(values))],
      ['kbv', () => recordKbv.mutateAsync(kbvRequest(values))],
    ] as const) {
      try {
        await record();
      } catch (error) {
        const mapped = fieldErrors(t, error, values[prefix]);
        const errors = Object.fromEntries(Object.entries(mapped.fields).map(([path, message]) => [`${prefix}.${path}`, message]));
        form.setErrors(errors);
        setProblems([...new Set(mapped.rest)]);
        const steps = Object.keys(errors).map(stepOfPath);
        if (steps.length > 0) go(Math.min(...steps));
        return;
      }
    }
    sessionStorage.removeItem(draftKey(organisationId));
    go(RESULT_STEP);
  };

  const pending = recordKbv.isPending || recordNis2.isPending;
  const stepHasError = (step: number) => Object.keys(form.errors).some((path) => stepOfPath(path) === step);

  return (
    <Card withBorder padding="lg">
      <Stepper active={active} onStepClick={go} allowNextStepsSelect={hasResult} size="sm" wrap>
        <Stepper.Step label={t('applicability.steps.kbv')} color={stepHasError(0) ? 'red' : undefined}>
          <KbvStep form={form} />
        </Stepper.Step>
        <Stepper.Step label={t('applicability.steps.targets')} color={stepHasError(1) ? 'red' : undefined}>
          <TargetStep form={form} />
        </Stepper.Step>
        <Stepper.Step label={t('applicability.steps.nis2')} color={stepHasError(2) ? 'red' : undefined}>
          <Nis2Step form={form} />
        </Stepper.Step>
        <Stepper.Completed>
          <Stack gap="md">
            <Results stored={stored} />
            <Group>
              <Button variant="default" onClick={() => go(0)}>
                {t('applicability.rerun')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Completed>
      </Stepper>
      {active < RESULT_STEP && (
        <Stack gap="sm" mt="xl">
          <ErrorAlert messages={problems} />
          {Object.keys(form.errors).length > 0 && problems.length === 0 && (
            <Alert color="red" variant="light" role="alert">
              {t('applicability.fixFields')}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => go(active - 1)} disabled={active === 0}>
              {t('common.back')}
            </Button>
            {active < STEPS - 1 ? (
              <Button onClick={next}>{t('common.next')}</Button>
            ) : (
              <Button onClick={() => void submit()} loading={pending}>
                {t('applicability.submit')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}

import { Button, Card, Group, Stack, Stepper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems } from '../../components/form-problems.tsx';
import { currentLocale } from '../../lib/i18n.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { type Applicability, useRecordKbvCheck, useRecordNis2Check } from './applicability.api.ts';
import { Results } from './check-result.tsx';
import { Nis2Step } from './nis2-step.tsx';
import { KbvStep, TargetStep } from './wizard-fields.tsx';
import { stepOfPath, stepPaths, wizardInput, wizardIssueText, wizardSchema } from './wizard-schema.ts';
import { kbvRequest, nis2Request, valuesFromStored, type WizardValues } from './wizard-values.ts';

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

/** The fields of the steps up to `last`. */
const pathsUpTo = (last: number) => stepPaths.slice(0, last + 1).flat();
const firstStep = (paths: string[]) => Math.min(...paths.map(stepOfPath));

/** After the step with errors is shown: its first marked field, in view and focused. */
function focusFirstInvalid() {
  window.setTimeout(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
  }, 0);
}

/** The three steps (practice, what it uses, NIS2 figures) and the result; both checks are stored together or not at all. */
export function Wizard({ organisationId, stored }: { organisationId: string; stored: Applicability }) {
  const { t } = useTranslation();
  const hasResult = Boolean(stored.nis2 || stored.kbv);
  const [draft] = useState(() => loadDraft(organisationId));
  const [active, setActive] = useState(draft || !hasResult ? 0 : RESULT_STEP);
  const recordKbv = useRecordKbvCheck(organisationId);
  const recordNis2 = useRecordNis2Check(organisationId);
  const schemaForm = useSchemaForm<WizardValues>({
    schema: wizardSchema,
    toInput: wizardInput,
    issueText: wizardIssueText(t, currentLocale()),
    initialValues: draft ?? valuesFromStored(stored),
    onValuesChange: (values) => saveDraft(organisationId, values),
  });
  const { form } = schemaForm;

  const go = (step: number) => {
    setActive(step);
    window.scrollTo({ top: 0 });
  };

  /** "Weiter": the fields of this step and the ones before; an error sends the user to the first step that has one. */
  const next = () => {
    schemaForm.setProblems([]);
    const paths = pathsUpTo(active);
    const found = Object.keys(schemaForm.findErrors(paths));
    schemaForm.validatePaths(paths);
    if (found.length === 0) return go(active + 1);
    go(firstStep(found));
    focusFirstInvalid();
  };

  const record = async (values: WizardValues) => {
    // NIS2 first: when it fails (e.g. the server refuses a figure), the KBV result is not stored either.
    for (const [prefix, send] of [
      ['nis2', () => recordNis2.mutateAsync(nis2Request(values))],
      ['kbv', () => recordKbv.mutateAsync(kbvRequest(values))],
    ] as const) {
      try {
        await send();
      } catch (error) {
        const placed = Object.keys(schemaForm.showErrorAt(prefix, error));
        if (placed.length > 0) {
          go(firstStep(placed));
          focusFirstInvalid();
        }
        return;
      }
    }
    sessionStorage.removeItem(draftKey(organisationId));
    go(RESULT_STEP);
  };

  const submit = schemaForm.onSubmit(
    (values) => void record(values),
    (errors) => {
      go(firstStep(Object.keys(errors)));
      focusFirstInvalid();
    },
  );

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
          <FormProblems form={schemaForm} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => go(active - 1)} disabled={active === 0}>
              {t('common.back')}
            </Button>
            {active < STEPS - 1 ? (
              <Button onClick={next}>{t('common.next')}</Button>
            ) : (
              <Button onClick={() => submit()} loading={pending}>
                {t('applicability.submit')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}

import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { schemaFormErrors } from '../../lib/use-schema-form.ts';
import de from '../../locales/de.json';
import en from '../../locales/en.json';
import { stepOfPath, stepPaths, wizardInput, wizardIssueText, wizardSchema } from './wizard-schema.ts';
import { defaultValues, kbvRequest, type WizardValues } from './wizard-values.ts';

const translator = async (lng: 'de' | 'en') => {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { de: { translation: de }, en: { translation: en } }, returnObjects: false });
  return instance.t;
};

/** What the wizard shows at its fields for these values, as useSchemaForm computes it with the shared schemas. */
async function validateWizard(lng: 'de' | 'en', values: WizardValues): Promise<Record<string, string>> {
  const t = await translator(lng);
  const input = wizardInput(values);
  const result = wizardSchema.safeParse(input);
  return result.success ? {} : schemaFormErrors(t, result.error.issues, input, wizardIssueText(t, lng));
}

const errorsOfStep = (errors: Record<string, string>, step: number) => Object.fromEntries(Object.entries(errors).filter(([path]) => stepOfPath(path) === step));

function filled(change: (v: WizardValues) => void = () => undefined): WizardValues {
  const values = defaultValues(new Date('2026-02-01T12:00:00Z'));
  values.kbv.check.personsHandlingData = 8;
  values.nis2.check.staffAwu = 12;
  values.nis2.check.annualTurnoverEur = 1_000_000;
  values.nis2.check.balanceSheetTotalEur = 500_000;
  change(values);
  return values;
}

describe('Betroffenheitscheck wizard validation (the schemas the server uses)', () => {
  it('passes complete values', async () => {
    expect(await validateWizard('de', filled())).toEqual({});
  });

  // An empty "Anzahl Personen" must stop step 1 ("Weiter"), not let the user on.
  it.each([
    ['de', 'empty persons', 0, 'kbv.check.personsHandlingData', 'Bitte ausfüllen.', (v: WizardValues): unknown => (v.kbv.check.personsHandlingData = '')],
    [
      'de',
      'zero persons',
      0,
      'kbv.check.personsHandlingData',
      'Mindestens 1 Person: zählen Sie sich selbst mit.',
      (v: WizardValues): unknown => (v.kbv.check.personsHandlingData = 0),
    ],
    [
      'de',
      'too many persons',
      0,
      'kbv.check.personsHandlingData',
      'Höchstens 100.000.',
      (v: WizardValues): unknown => (v.kbv.check.personsHandlingData = 2_000_000),
    ],
    [
      'en',
      'too many persons',
      0,
      'kbv.check.personsHandlingData',
      'At most 100,000.',
      (v: WizardValues): unknown => (v.kbv.check.personsHandlingData = 2_000_000),
    ],
    [
      'de',
      'a fraction of a person',
      0,
      'kbv.check.personsHandlingData',
      'Bitte eine ganze Zahl eingeben.',
      (v: WizardValues): unknown => (v.kbv.check.personsHandlingData = 2.5),
    ],
    ['de', 'an empty turnover', 2, 'nis2.check.annualTurnoverEur', 'Bitte ausfüllen.', (v: WizardValues): unknown => (v.nis2.check.annualTurnoverEur = '')],
    [
      'de',
      'a partner above 50 %',
      2,
      'nis2.check.partnerEnterprises.0.holdingPercent',
      'Höchstens 50 %. Eine Beteiligung über 50 % tragen Sie unter „Verbundene Unternehmen“ ein.',
      (v: WizardValues): unknown => v.nis2.check.partnerEnterprises.push({ holdingPercent: 60, staffAwu: 1, annualTurnoverEur: 1, balanceSheetTotalEur: 1 }),
    ],
    [
      'de',
      'a year out of range',
      2,
      'nis2.financialYear',
      'Bitte ein Geschäftsjahr von 2000 bis 2100 eingeben.',
      (v: WizardValues): unknown => (v.nis2.financialYear = 1999),
    ],
    ['de', 'no staff given', 2, 'nis2.check.staffAwu', 'Bitte die Zahl der Beschäftigten angeben.', (v: WizardValues): unknown => (v.nis2.check.staffAwu = '')],
  ] as const)('%s: %s stops step %i at %s with "%s"', async (lng, _label, step, path, text, change) => {
    const errors = await validateWizard(lng, filled(change));
    expect(errorsOfStep(errors, step)).toEqual({ [path]: text });
    for (const message of Object.values(errors)) expect(message).not.toMatch(/^(Diese Angabe passt nicht\.|Zu lang\.)$/);
  });

  it('accepts a shareholder below 25 % (not a partner, not counted) and 50 % entered as linked', async () => {
    const values = filled((v) => {
      v.nis2.check.partnerEnterprises.push({ holdingPercent: 10, staffAwu: 1, annualTurnoverEur: 1, balanceSheetTotalEur: 1 });
      v.nis2.check.linkedEnterprises.push({ holdingPercent: 50, staffAwu: 1, annualTurnoverEur: 1, balanceSheetTotalEur: 1 });
    });
    expect(await validateWizard('de', values)).toEqual({});
  });

  it('asks for the full-time heads when the staff is given as heads', async () => {
    const errors = await validateWizard(
      'de',
      filled((v) => (v.staffMode = 'heads')),
    );
    expect(errors).toEqual({ 'nis2.check.staff.fullTimeHeads': 'Bitte ausfüllen.' });
  });

  it('checks each step under the paths "Weiter" validates', () => {
    expect(stepPaths.map((paths) => paths.map((path) => stepOfPath(`${path}.x`)))).toEqual([[0], [1], [2]]);
  });

  // Step 1 and step 2 ask about major medical devices once: the answer of step 1 is what is sent.
  it.each([true, false])('major medical devices %s in step 1 is the target object sent', (devices) => {
    const request = kbvRequest(filled((v) => (v.kbv.check.majorMedicalDevices = devices)));
    expect(request.targetObjects.usesMajorMedicalDevices).toBe(devices);
    expect(request.check.majorMedicalDevices).toBe(devices);
  });
});

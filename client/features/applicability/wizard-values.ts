import type { RecordKbvCheck, RecordNis2Check } from '../../../domain/compliance/applicability.schema.ts';
import { type TargetObject, targetObjects } from '../../../domain/kbv/requirement.ts';
import type { Applicability } from './applicability.api.ts';

type Num = number | '';

export interface EnterpriseRow {
  holdingPercent: Num;
  staffAwu: Num;
  annualTurnoverEur: Num;
  balanceSheetTotalEur: Num;
}

export type WizardValues = {
  kbv: {
    check: { contractPractice: boolean; personsHandlingData: Num; significantScaleProcessing: boolean; majorMedicalDevices: boolean };
    targetObjects: Record<TargetObject, boolean>;
    /** Why the persons typed depart from the people register (required by the server when they do). */
    overrideReason: string;
  };
  /** How the staff is given: annual work units, or heads converted by the server. */
  staffMode: 'awu' | 'heads';
  nis2: {
    financialYear: Num;
    /** Why the annual work units depart from the people register. */
    overrideReason: string;
    check: {
      kritisOperator: boolean;
      /** § 28(3) BSIG: health care is a negligible part of the whole business. */
      healthcareNegligible: boolean;
      staffAwu: Num;
      staff: { fullTimeHeads: Num; partTimeHeads: Num; partTimeFraction: Num; apprentices: Num; parentalLeaveHeads: Num };
      annualTurnoverEur: Num;
      balanceSheetTotalEur: Num;
      partnerEnterprises: EnterpriseRow[];
      linkedEnterprises: EnterpriseRow[];
      independentOfGroup: boolean;
      figuresBasis: 'approved_accounts' | 'estimate';
    };
  };
};

export const emptyEnterprise = (): EnterpriseRow => ({ holdingPercent: '', staffAwu: '', annualTurnoverEur: '', balanceSheetTotalEur: '' });

function allTargetObjects(present: Partial<Record<TargetObject, boolean>> = {}): Record<TargetObject, boolean> {
  // A target object left out counts as present, as on the server.
  return Object.fromEntries(targetObjects.map((key) => [key, present[key] ?? true])) as Record<TargetObject, boolean>;
}

/** Target objects asked in step 2. Major medical devices are asked once, in step 1 (they decide Anlage 4 as well). */
export const targetObjectsAsked = targetObjects.filter((key) => key !== 'usesMajorMedicalDevices');

export function defaultValues(today = new Date()): WizardValues {
  return {
    kbv: {
      check: { contractPractice: true, personsHandlingData: '', significantScaleProcessing: false, majorMedicalDevices: false },
      targetObjects: allTargetObjects(),
      overrideReason: '',
    },
    staffMode: 'awu',
    nis2: {
      financialYear: today.getFullYear() - 1,
      overrideReason: '',
      check: {
        kritisOperator: false,
        healthcareNegligible: false,
        staffAwu: '',
        staff: { fullTimeHeads: '', partTimeHeads: '', partTimeFraction: '', apprentices: '', parentalLeaveHeads: '' },
        annualTurnoverEur: '',
        balanceSheetTotalEur: '',
        partnerEnterprises: [],
        linkedEnterprises: [],
        independentOfGroup: false,
        figuresBasis: 'approved_accounts',
      },
    },
  };
}

const num = (value: unknown): Num => (typeof value === 'number' ? value : '');
const bool = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

function enterpriseRows(value: unknown): EnterpriseRow[] {
  if (!Array.isArray(value)) return [];
  return value.map((row: Record<string, unknown>) => ({
    holdingPercent: num(row.holdingPercent),
    staffAwu: num(row.staffAwu),
    annualTurnoverEur: num(row.annualTurnoverEur),
    balanceSheetTotalEur: num(row.balanceSheetTotalEur),
  }));
}

/** The form filled with the inputs of the last stored checks, so that a re-run after changed figures is quick. */
export function valuesFromStored(stored: Applicability, today = new Date()): WizardValues {
  const values = defaultValues(today);
  const kbv = stored.kbv?.inputs;
  if (kbv) {
    values.kbv.check = {
      contractPractice: bool(kbv.contractPractice, true),
      personsHandlingData: num(kbv.personsHandlingData),
      significantScaleProcessing: bool(kbv.significantScaleProcessing, false),
      majorMedicalDevices: bool(kbv.majorMedicalDevices, false),
    };
    values.kbv.targetObjects = allTargetObjects((kbv.targetObjects ?? {}) as Partial<Record<TargetObject, boolean>>);
    values.kbv.overrideReason = typeof kbv.overrideReason === 'string' ? kbv.overrideReason : '';
  }
  const nis2 = stored.nis2?.inputs;
  if (nis2) {
    const staff = (nis2.staff ?? null) as Record<string, unknown> | null;
    values.staffMode = staff ? 'heads' : 'awu';
    values.nis2.financialYear = stored.nis2?.financialYear ?? values.nis2.financialYear;
    values.nis2.overrideReason = typeof nis2.overrideReason === 'string' ? nis2.overrideReason : '';
    values.nis2.check = {
      kritisOperator: bool(nis2.kritisOperator, false),
      healthcareNegligible: bool(nis2.healthcareNegligible, false),
      staffAwu: num(nis2.staffAwu),
      staff: {
        fullTimeHeads: num(staff?.fullTimeHeads),
        partTimeHeads: num(staff?.partTimeHeads),
        partTimeFraction: num(staff?.partTimeFraction),
        apprentices: num(staff?.apprentices),
        parentalLeaveHeads: num(staff?.parentalLeaveHeads),
      },
      annualTurnoverEur: num(nis2.annualTurnoverEur),
      balanceSheetTotalEur: num(nis2.balanceSheetTotalEur),
      partnerEnterprises: enterpriseRows(nis2.partnerEnterprises),
      linkedEnterprises: enterpriseRows(nis2.linkedEnterprises),
      independentOfGroup: bool(nis2.independentOfGroup, false),
      figuresBasis: nis2.figuresBasis === 'estimate' ? 'estimate' : 'approved_accounts',
    };
  }
  return values;
}

// An empty field is sent as missing: the server then names it ("Bitte ausfüllen.") next to the input.
const out = (value: Num) => (value === '' ? undefined : value) as number;

// A reason is sent only when one was typed; the server asks for it when the figure departs from the people register.
const reason = (text: string) => (text.trim() === '' ? {} : { overrideReason: text });

export function kbvRequest(values: WizardValues): RecordKbvCheck {
  const { check, targetObjects: present } = values.kbv;
  return {
    check: { ...check, personsHandlingData: out(check.personsHandlingData) },
    // One answer for both: the device question of step 1 is also the target object "medizinische Großgeräte".
    targetObjects: { ...present, usesMajorMedicalDevices: check.majorMedicalDevices },
    ...reason(values.kbv.overrideReason),
  };
}

export function nis2Request(values: WizardValues): RecordNis2Check {
  const { check } = values.nis2;
  const rows = (list: EnterpriseRow[]) =>
    list.map((row) => ({
      holdingPercent: out(row.holdingPercent),
      staffAwu: out(row.staffAwu),
      annualTurnoverEur: out(row.annualTurnoverEur),
      balanceSheetTotalEur: out(row.balanceSheetTotalEur),
    }));
  const staff = check.staff;
  return {
    financialYear: out(values.nis2.financialYear),
    check: {
      sector: 'healthcare_provider',
      kritisOperator: check.kritisOperator,
      healthcareNegligible: check.healthcareNegligible,
      ...(values.staffMode === 'awu'
        ? { staffAwu: out(check.staffAwu) }
        : {
            staff: {
              fullTimeHeads: out(staff.fullTimeHeads),
              partTimeHeads: out(staff.partTimeHeads === '' ? 0 : staff.partTimeHeads),
              partTimeFraction: out(staff.partTimeFraction === '' && (staff.partTimeHeads === '' || staff.partTimeHeads === 0) ? 0 : staff.partTimeFraction),
              apprentices: out(staff.apprentices === '' ? 0 : staff.apprentices),
              ...(staff.parentalLeaveHeads === '' ? {} : { parentalLeaveHeads: staff.parentalLeaveHeads }),
            },
          }),
      annualTurnoverEur: out(check.annualTurnoverEur),
      balanceSheetTotalEur: out(check.balanceSheetTotalEur),
      partnerEnterprises: rows(check.partnerEnterprises),
      linkedEnterprises: rows(check.linkedEnterprises),
      independentOfGroup: check.independentOfGroup,
      figuresBasis: check.figuresBasis,
    },
    ...reason(values.nis2.overrideReason),
  };
}

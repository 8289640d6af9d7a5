import type { TFunction } from 'i18next';
import { legalForms } from '../../domain/organisations/organisation.schema.ts';

export function legalFormOptions(t: TFunction) {
  return legalForms.map((value) => ({ value, label: t(`legalForm.${value}`) }));
}

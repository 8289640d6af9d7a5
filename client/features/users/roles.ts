import type { TFunction } from 'i18next';
import { roles } from '../../../domain/auth/roles.ts';

export function roleOptions(t: TFunction) {
  return roles.map((value) => ({ value, label: t(`role.${value}`) }));
}

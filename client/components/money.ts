import { currentLocale } from '../lib/i18n.ts';

/** An amount in euros as people read it: "10.000.000 €" / "€10,000,000". */
export function formatEuro(value: number): string {
  return new Intl.NumberFormat(currentLocale() === 'de' ? 'de-DE' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 2,
    minimumFractionDigits: 0,
  }).format(value);
}

/** A figure without rounding it (annual work units may have several decimals). */
export function formatFigure(value: number): string {
  return new Intl.NumberFormat(currentLocale() === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 6 }).format(value);
}

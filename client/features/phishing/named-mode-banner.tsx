import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import type { PhishingSettings } from './phishing.api.ts';

export interface NamedAgreement {
  reference: string;
  date: string;
  enabledByName?: string | null;
  enabledAt?: string | null;
}

export const namedAgreementOf = (named: NonNullable<PhishingSettings['namedMode']>): NamedAgreement => ({
  reference: named.agreementReference,
  date: named.agreementDate,
  enabledByName: named.enabledByName,
  enabledAt: named.enabledAt,
});

/**
 * Shown on every report while results are named: the works agreement they rest on, who switched named mode on and
 * when. Nobody should read per-person results without seeing on what terms they were collected.
 */
export function NamedModeBanner({ agreement }: { agreement: NamedAgreement }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('phishing.named.bannerTitle')} data-testid="phishing-named-banner">
      <Text size="sm">{t('phishing.named.bannerText', { reference: agreement.reference, date: formatCalendarDate(agreement.date) })}</Text>
      {agreement.enabledAt && (
        <Text size="sm" mt={4}>
          {t('phishing.named.enabledBy', { name: agreement.enabledByName ?? t('phishing.named.someone'), at: formatDateTime(agreement.enabledAt) })}
        </Text>
      )}
    </Alert>
  );
}

import { Alert, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ANONYMITY_MIN_GROUP } from '../../../domain/phishing/anonymity.ts';
import type { Audience } from '../../../domain/phishing/phishing.schema.ts';
import { useAudienceSize } from './phishing.api.ts';

/**
 * How many people the chosen recipients are, as they are chosen: the server counts the active people of the register in
 * this choice with an e-mail address (they get the mail) and without (they are left out), as it will at the start.
 */
export function AudienceCount({ organisationId, audience, anonymous }: { organisationId: string; audience: Audience; anonymous: boolean }) {
  const { t } = useTranslation();
  const chosen = audience.kind === 'all' || (audience.kind === 'locations' ? audience.locationIds.length > 0 : audience.roles.length > 0);
  const size = useAudienceSize(organisationId, audience);
  const reached = chosen && size.data ? size.data.withEmail : null;
  // The server refuses to start an anonymous campaign below the anonymity threshold; say so before.
  const tooFew = anonymous && reached !== null && reached < ANONYMITY_MIN_GROUP;
  return (
    <Alert color={tooFew ? 'orange' : 'blue'} variant="light" p="sm" data-testid="phishing-audience-count" aria-live="polite">
      {!chosen ? (
        <Text size="sm">{t('phishing.count.chooseFirst')}</Text>
      ) : size.data ? (
        <>
          <Text size="sm" fw={500}>
            {t('phishing.count.reach', { count: size.data.withEmail })}
          </Text>
          {size.data.withoutEmail > 0 && <Text size="sm">{t('phishing.count.withoutEmail', { count: size.data.withoutEmail })}</Text>}
          {tooFew && (
            <Text size="sm" fw={500} mt={4} data-testid="phishing-too-few">
              {t('errors.phishing.too_few_recipients')}
            </Text>
          )}
        </>
      ) : size.error ? (
        <Text size="sm">{t('phishing.count.unavailable')}</Text>
      ) : (
        <Loader size="xs" />
      )}
    </Alert>
  );
}

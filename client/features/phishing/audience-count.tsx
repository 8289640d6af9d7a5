import { Alert, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ANONYMITY_MIN_GROUP } from '../../../domain/phishing/anonymity.ts';
import type { Audience } from '../../../domain/phishing/phishing.schema.ts';
import { type Campaign, useAudienceHeadcount } from './phishing.api.ts';

const sameAudience = (a: Audience, b: Audience) => JSON.stringify(a) === JSON.stringify(b);

/**
 * How many people the chosen recipients are, as they are chosen: the register's head count now, and once the draft is
 * saved with this choice, how many of them have an e-mail address (only they receive the mail).
 */
export function AudienceCount({
  organisationId,
  audience,
  anonymous,
  stored,
}: {
  organisationId: string;
  audience: Audience;
  anonymous: boolean;
  stored: Campaign | null;
}) {
  const { t } = useTranslation();
  const filters =
    audience.kind === 'locations'
      ? audience.locationIds.map((locationId) => ({ locationId }))
      : audience.kind === 'roles'
        ? audience.roles.map((role) => ({ role }))
        : [{}];
  const headcount = useAudienceHeadcount(organisationId, filters);
  const exact = stored && sameAudience(stored.audience, audience) ? stored.audienceSize : null;
  const reached = exact ? exact.withEmail : headcount.pending ? null : headcount.total;
  // The server refuses to start an anonymous campaign below the anonymity threshold; say so before.
  const tooFew = anonymous && filters.length > 0 && reached !== null && reached < ANONYMITY_MIN_GROUP;
  return (
    <Alert color={tooFew ? 'orange' : 'blue'} variant="light" p="sm" data-testid="phishing-audience-count" aria-live="polite">
      {filters.length === 0 ? (
        <Text size="sm">{t('phishing.count.chooseFirst')}</Text>
      ) : headcount.pending ? (
        <Loader size="xs" />
      ) : (
        <>
          {headcount.total !== null && (
            <Text size="sm" fw={500}>
              {t('phishing.count.headcount', { count: headcount.total })}
            </Text>
          )}
          <Text size="sm">{exact ? t('phishing.count.exact', { count: exact.withEmail, without: exact.withoutEmail }) : t('phishing.count.afterSave')}</Text>
          {tooFew && (
            <Text size="sm" fw={500} mt={4} data-testid="phishing-too-few">
              {t('errors.phishing.too_few_recipients')}
            </Text>
          )}
        </>
      )}
    </Alert>
  );
}

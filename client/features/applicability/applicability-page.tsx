import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { permissionsOf } from '../../app/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { useApplicability } from './applicability.api.ts';
import { CheckHistory } from './check-history.tsx';
import { Results } from './check-result.tsx';
import { Wizard } from './wizard.tsx';

export function ApplicabilityPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const applicability = useApplicability(organisationId);

  if (organisation.isPending || applicability.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  if (applicability.error) return <ErrorAlert error={applicability.error} />;
  const stored = applicability.data;
  const lastChecked = [stored.nis2?.checkedAt, stored.kbv?.checkedAt].filter(Boolean).sort().pop();
  const canRun = permissionsOf(organisation.data.me).runChecks;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('applicability.title')}
        description={
          <>
            {t('applicability.description')}{' '}
            <Text span fw={600} c="dark" data-testid="last-check">
              {lastChecked ? t('applicability.lastChecked', { date: formatDateTime(lastChecked) }) : t('applicability.neverChecked')}
            </Text>
          </>
        }
      />
      {canRun ? (
        <Wizard organisationId={organisationId} stored={stored} />
      ) : (
        <Stack gap="md">
          <Alert color="blue" variant="light">
            {t('applicability.readOnly')}
          </Alert>
          <Results stored={stored} />
        </Stack>
      )}
      <CheckHistory entries={stored.history} />
    </Stack>
  );
}

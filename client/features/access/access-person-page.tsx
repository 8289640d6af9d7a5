import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { usePersonAccounts } from './access.api.ts';
import { PersonAccessSection } from './person-access-section.tsx';
import { PersonChecklistsSection } from './person-checklists-section.tsx';

/** One person's access and checklists: the two sections the person page of the people register mounts as well. */
export function AccessPersonPage() {
  const { t } = useTranslation();
  const { organisationId = '', personId = '' } = useParams();
  const accounts = usePersonAccounts(organisationId, personId);
  if (accounts.isPending) return <PageLoader />;
  if (accounts.error) return <ErrorAlert error={accounts.error} />;
  const { person } = accounts.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/access`} size="sm">
        ← {t('access.back')}
      </Anchor>
      <PageHeader title={person.name} description={person.endsOn ? t('access.endsOn', { date: formatCalendarDate(person.endsOn) }) : undefined} />
      <PersonAccessSection organisationId={organisationId} personId={personId} />
      <PersonChecklistsSection organisationId={organisationId} personId={personId} />
    </Stack>
  );
}

import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PersonAccessSection } from '../features/access/person-access-section.tsx';
import { PersonChecklistsSection } from '../features/access/person-checklists-section.tsx';
import { PersonPage } from '../features/people/person-page.tsx';
import { PersonTrainingSection } from '../features/training/person-training-section.tsx';

/**
 * The person page of the staff register with what other parts record about the person: accounts and checklists
 * (KBV Anlage 1 Nr. 1 and 2), training, and for a managing director the duties of § 38 BSIG. Composed here because
 * features use each other only through their data hooks.
 */
export function StaffPersonPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  return (
    <PersonPage
      sections={(person) => (
        <>
          {person.role === 'management' && (
            <Card withBorder padding="lg" data-testid="person-management">
              <Group justify="space-between" align="center">
                <div>
                  <Title order={2} size="h4">
                    {t('management.title')}
                  </Title>
                  <Text size="sm">{t('management.description')}</Text>
                </div>
                <Anchor component={Link} to={`/o/${organisationId}/management/${person.id}`} size="sm">
                  {t('management.dashboard.open')}
                </Anchor>
              </Group>
            </Card>
          )}
          <PersonAccessSection organisationId={organisationId} personId={person.id} />
          <PersonChecklistsSection organisationId={organisationId} personId={person.id} />
          <PersonTrainingSection organisationId={organisationId} personId={person.id} />
        </>
      )}
    />
  );
}

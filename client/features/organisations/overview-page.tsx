import { Anchor, Badge, Button, Card, Group, List, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { permissionsOf } from '../../app/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDate } from '../../lib/format.ts';
import { useMembers } from '../users/users.api.ts';
import { EditOrganisationForm } from './edit-organisation-form.tsx';
import { formatAddress } from './locations-page.tsx';
import { useOrganisation } from './organisations.api.ts';

export function OverviewPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const members = useMembers(organisationId);
  const [editing, setEditing] = useState(false);

  if (organisation.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const org = organisation.data;
  const base = `/o/${org.id}`;
  const withoutMfa = members.data?.filter((m) => !m.hasMfa).length ?? 0;
  const admins = members.data?.filter((m) => m.isAdmin).length ?? 0;

  return (
    <Stack gap="lg">
      <PageHeader
        title={org.name}
        description={t('overview.description')}
        actions={
          permissionsOf(org.me).admin && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('overview.edit')}
            </Button>
          )
        }
      />
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('overview.edit')}>
        {editing && <EditOrganisationForm organisation={org} onDone={() => setEditing(false)} />}
      </Modal>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Card withBorder padding="lg">
          <Text size="sm" c="dimmed">
            {t('organisation.legalForm')}
          </Text>
          <Text fw={600} size="md" data-testid="overview-legal-form" style={{ overflowWrap: 'break-word' }}>
            {t(`legalForm.${org.legalForm}`)}
          </Text>
          <Text size="sm" c="dimmed" mt="sm">
            {t('overview.since', { date: formatDate(org.createdAt) })}
          </Text>
        </Card>
        <Card withBorder padding="lg">
          <Text size="sm" c="dimmed">
            {t('overview.people')}
          </Text>
          <Text fw={600} size="md" data-testid="overview-members">
            {members.data ? t('overview.peopleCount', { count: members.data.length }) : '…'}
          </Text>
          {members.data && (
            <Text size="sm" c="dimmed" mt="sm">
              {t('overview.admins', { count: admins })}
              {withoutMfa > 0 ? ` · ${t('overview.withoutMfa', { count: withoutMfa })}` : ''}
            </Text>
          )}
          <Anchor component={Link} to={`${base}/people`} size="sm" mt="xs">
            {t('overview.toPeople')}
          </Anchor>
        </Card>
        <Card withBorder padding="lg">
          <Text size="sm" c="dimmed">
            {t('overview.myRole')}
          </Text>
          <Group gap="xs">
            <Text fw={600} size="md" style={{ overflowWrap: 'break-word' }}>
              {t(`role.${org.me.role}`)}
            </Text>
            {org.me.isAdmin && <Badge variant="light">{t('role.admin')}</Badge>}
          </Group>
        </Card>
      </SimpleGrid>
      <Card withBorder padding="lg">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('overview.locations', { count: org.locations.length })}
          </Title>
          <Anchor component={Link} to={`${base}/locations`} size="sm">
            {t('overview.toLocations')}
          </Anchor>
        </Group>
        <List spacing="xs" listStyleType="none" ml={0} pl={0}>
          {org.locations.map((location) => (
            <List.Item key={location.id}>
              <Text fw={500} span>
                {location.name}
              </Text>
              {formatAddress(location) && (
                <Text c="dimmed" size="sm" span>
                  {' — '}
                  {formatAddress(location)}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      </Card>
      {members.error && <ErrorAlert error={members.error} />}
    </Stack>
  );
}

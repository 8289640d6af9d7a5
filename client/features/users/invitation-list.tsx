import { Badge, Button, Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useInvitations, useRevokeInvitation } from './users.api.ts';

export function InvitationList({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const invitations = useInvitations(organisationId, true);
  const revoke = useRevokeInvitation(organisationId);

  if (invitations.isPending) return <PageLoader />;
  if (invitations.error) return <ErrorAlert error={invitations.error} />;
  if (invitations.data.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('invite.none')}
      </Text>
    );
  }
  return (
    <>
      {revoke.error && <ErrorAlert error={revoke.error} />}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="invitations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('person.email')}</Table.Th>
                <Table.Th>{t('people.role')}</Table.Th>
                <Table.Th>{t('invite.expires')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>{invitation.email}</Table.Td>
                  <Table.Td>
                    {t(`role.${invitation.role}`)}
                    {invitation.isAdmin && (
                      <Badge ml="xs" size="sm" variant="light">
                        {t('role.admin')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {invitation.expired ? (
                      <Badge color="gray" variant="light">
                        {t('invite.expired')}
                      </Badge>
                    ) : (
                      formatDateTime(invitation.expiresAt)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      loading={revoke.isPending && revoke.variables === invitation.id}
                      onClick={() => revoke.mutate(invitation.id)}
                    >
                      {t('invite.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </>
  );
}

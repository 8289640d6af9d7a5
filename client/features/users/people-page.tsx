import { Badge, Button, Card, Group, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Role } from '../../../domain/auth/roles.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDate } from '../../lib/format.ts';
import { useSession } from '../auth/auth.api.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { InvitationList } from './invitation-list.tsx';
import { InviteForm } from './invite-form.tsx';
import { roleOptions } from './roles.ts';
import { type Member, useMembers, useRemoveMember, useResetMfa, useUpdateMember } from './users.api.ts';

export function PeoplePage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const members = useMembers(organisationId);
  const session = useSession();
  const update = useUpdateMember(organisationId);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [resetting, setResetting] = useState<Member | null>(null);
  const remove = useRemoveMember(organisationId);
  const resetMfa = useResetMfa(organisationId);

  if (organisation.isPending || members.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  if (members.error) return <ErrorAlert error={members.error} />;
  const can = permissionsOf(organisation.data.me);
  const myId = session.data?.state === 'active' ? session.data.user.id : null;

  return (
    <Stack gap="xl">
      <PageHeader title={t('people.title')} description={t('people.description')} />
      <Stack gap="sm">
        {update.error && <ErrorAlert error={update.error} />}
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="sm" data-testid="members-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('person.name')}</Table.Th>
                  <Table.Th>{t('people.role')}</Table.Th>
                  <Table.Th>{t('people.admin')}</Table.Th>
                  <Table.Th visibleFrom="lg">{t('people.mfa')}</Table.Th>
                  <Table.Th visibleFrom="lg">{t('people.since')}</Table.Th>
                  {can.admin && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.map((member) => (
                  <Table.Tr key={member.userId}>
                    <Table.Td>
                      <Text fw={500} size="sm">
                        {member.name}
                        {member.userId === myId && (
                          <Text span c="dimmed" size="sm">
                            {' '}
                            ({t('people.you')})
                          </Text>
                        )}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {member.email}
                      </Text>
                      {/* On a tablet the two-factor state sits under the name, so that the buttons keep their room. */}
                      <Group gap={4} hiddenFrom="lg">
                        <Text size="xs" c="dimmed">
                          {t('people.mfa')}:
                        </Text>
                        <MfaState hasMfa={member.hasMfa} size="xs" />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {can.admin ? (
                        <Select
                          size="xs"
                          // Wide enough for the longest role ("Geschäftsführung / Praxisleitung") without an ellipsis.
                          miw={245}
                          aria-label={t('people.roleOf', { name: member.name })}
                          data={roleOptions(t)}
                          value={member.role}
                          allowDeselect={false}
                          comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
                          onChange={(role) => role && update.mutate({ userId: member.userId, role: role as Role, isAdmin: member.isAdmin })}
                        />
                      ) : (
                        <Text size="sm">{t(`role.${member.role}`)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {can.admin ? (
                        <Switch
                          aria-label={t('people.adminOf', { name: member.name })}
                          checked={member.isAdmin}
                          disabled={member.role === 'auditor'}
                          onChange={(event) => update.mutate({ userId: member.userId, role: member.role, isAdmin: event.currentTarget.checked })}
                        />
                      ) : member.isAdmin ? (
                        <Badge variant="light">{t('common.yes')}</Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('common.no')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="lg">
                      <MfaState hasMfa={member.hasMfa} />
                    </Table.Td>
                    <Table.Td visibleFrom="lg">
                      <Text size="sm">{formatDate(member.since)}</Text>
                    </Table.Td>
                    {can.admin && (
                      <Table.Td>
                        {/* On a tablet the buttons stack rather than run out of the table. */}
                        <Group gap={4} wrap="wrap" justify="flex-end">
                          {member.hasMfa && member.userId !== myId && (
                            <Button size="compact-sm" variant="subtle" onClick={() => setResetting(member)}>
                              {t('people.resetMfa')}
                            </Button>
                          )}
                          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRemoving(member)}>
                            {t('common.remove')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        <Text size="sm" c="dimmed">
          {t('people.rolesExplained')}
        </Text>
      </Stack>
      {can.admin && (
        <>
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('invite.formTitle')}
            </Title>
            <InviteForm organisationId={organisationId} />
          </Stack>
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('invite.openTitle')}
            </Title>
            <InvitationList organisationId={organisationId} />
          </Stack>
        </>
      )}
      <ConfirmModal
        subject={removing}
        title={t('people.removeTitle')}
        text={t('people.removeText', { name: removing?.name ?? '' })}
        confirmLabel={t('common.remove')}
        mutation={remove}
        keyOf={(m) => m.userId}
        onClose={() => setRemoving(null)}
      />
      <ConfirmModal
        subject={resetting}
        title={t('people.resetMfaTitle')}
        text={t('people.resetMfaText', { name: resetting?.name ?? '' })}
        confirmLabel={t('people.resetMfaConfirm')}
        color="orange"
        mutation={resetMfa}
        keyOf={(m) => m.userId}
        onClose={() => setResetting(null)}
      />
    </Stack>
  );
}

function MfaState({ hasMfa, size = 'sm' }: { hasMfa: boolean; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Text size={size} fw={500} c={hasMfa ? 'teal.9' : 'orange.9'}>
      {hasMfa ? t('people.mfaOn') : t('people.mfaOff')}
    </Text>
  );
}

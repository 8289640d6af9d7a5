import { ActionIcon, Alert, Badge, Button, Card, Group, Menu, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { type Account, useDeleteAccount, useDisableAccount, usePersonAccounts } from './access.api.ts';
import { AccessWarningBadges } from './access-warning-badges.tsx';
import { AccountForm } from './account-form.tsx';

/**
 * A person's accounts, cards and keys with add, edit, disable and remove; the leaver warning above them while a
 * person who has left still has active access (KBV Anlage 1 Nr. 2). Self-contained: it loads what it shows.
 */
export function PersonAccessSection({ organisationId, personId }: { organisationId: string; personId: string }) {
  const { t } = useTranslation();
  const organisation = useOrganisation(organisationId);
  const accounts = usePersonAccounts(organisationId, personId);
  const disable = useDisableAccount(organisationId);
  const remove = useDeleteAccount(organisationId);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Account | null>(null);

  if (accounts.isPending || organisation.isPending) return <PageLoader />;
  if (accounts.error) return <ErrorAlert error={accounts.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const canEdit = isAllowed('people.edit', organisation.data.me);
  const { leaver } = accounts.data;
  const mfa = (value: boolean | null) => t(`access.mfa.${value === null ? 'unknown' : value ? 'yes' : 'no'}`);

  return (
    <Card withBorder padding="lg" data-testid="person-access">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {t('access.section.accounts')}
          </Title>
          {canEdit && (
            <Button size="xs" onClick={() => setEditing('new')} data-testid="account-add">
              {t('access.add')}
            </Button>
          )}
        </Group>
        {leaver && (
          <Alert color="red" variant="light" data-testid="person-leaver-alert">
            {t('access.leaverAlert', { count: leaver.daysSinceLeaving, active: leaver.activeAccounts })}
          </Alert>
        )}
        {disable.error && <ErrorAlert error={disable.error} />}
        {accounts.data.accounts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('access.emptyPerson')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" data-testid="person-accounts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('access.column.system')}</Table.Th>
                  <Table.Th>{t('access.column.account')}</Table.Th>
                  <Table.Th visibleFrom="md">{t('access.column.admin')}</Table.Th>
                  <Table.Th visibleFrom="md">{t('access.column.mfa')}</Table.Th>
                  <Table.Th>{t('access.column.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {accounts.data.accounts.map((account) => (
                  <Table.Tr key={account.id} data-testid="person-account-row" data-status={account.status}>
                    <Table.Td>
                      <Text size="sm">{t(`access.system.${account.system}`)}</Text>
                      {account.assetName && (
                        <Text size="xs" c="dimmed">
                          {account.assetName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td miw={160}>
                      <Text size="sm">{account.accountName || '–'}</Text>
                      <AccessWarningBadges warnings={account.warnings} />
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm">{account.isAdmin ? t('common.yes') : t('common.no')}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm">{mfa(account.mfa)}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 110 }}>
                      {account.status === 'active' ? (
                        <Badge color="teal" variant="light" style={{ textTransform: 'none', overflow: 'visible' }}>
                          {t('access.status.active')}
                        </Badge>
                      ) : (
                        <Stack gap={0}>
                          <Badge color="gray" variant="light" style={{ textTransform: 'none', overflow: 'visible' }}>
                            {t('access.status.disabled')}
                          </Badge>
                          {account.disabledOn && (
                            <Text size="xs" c="dimmed">
                              {t('access.disabledOn', { date: formatCalendarDate(account.disabledOn) })}
                            </Text>
                          )}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canEdit && (
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {account.status === 'active' && (
                            <Button
                              size="compact-xs"
                              variant="light"
                              color="red"
                              loading={disable.isPending && disable.variables === account.id}
                              onClick={() => disable.mutate(account.id)}
                              data-testid="account-disable"
                            >
                              {t('access.disable')}
                            </Button>
                          )}
                          <Menu position="bottom-end">
                            <Menu.Target>
                              <ActionIcon variant="subtle" color="gray" aria-label={t('common.actions')}>
                                ⋯
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => setEditing(account)}>{t('common.edit')}</Menu.Item>
                              <Menu.Item color="red" onClick={() => setDeleting(account)}>
                                {t('common.remove')}
                              </Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('access.add') : t('access.edit')} size="lg">
        {editing !== null && (
          <AccountForm organisationId={organisationId} personId={personId} account={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
      <ConfirmModal
        subject={deleting}
        title={t('access.removeTitle')}
        text={t('access.removeText')}
        confirmLabel={t('common.remove')}
        mutation={remove}
        keyOf={(account) => account.id}
        onClose={() => setDeleting(null)}
      />
    </Card>
  );
}

import { Alert, Badge, Button, Card, Code, CopyButton, Group, List, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { createApiTokenSchema } from '../../../domain/incidents/incident.schema.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { type CreatedIntakeToken, type IntakeToken, intakePath, useCreateIntakeToken, useIntakeTokens, useRevokeIntakeToken } from './intake-tokens.api.ts';

export function IntakeTokensPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);

  if (organisation.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const admin = isAllowed('organisation.administer', organisation.data.me);

  return (
    <Stack gap="lg">
      <PageHeader title={t('apiTokens.title')} description={t('apiTokens.description')} />
      <Explanation organisationId={organisationId} />
      {admin ? (
        <TokenManagement organisationId={organisationId} />
      ) : (
        <Alert color="gray" variant="light">
          {t('apiTokens.adminsOnly')}
        </Alert>
      )}
    </Stack>
  );
}

function Explanation({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${intakePath(organisationId)}`;
  const example = [
    `curl -X POST ${url} \\`,
    `  -H "Authorization: Bearer <TOKEN>" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{`,
    `    "source": "Defender",`,
    `    "severity": "high",`,
    `    "title": "${t('apiTokens.exampleTitle')}",`,
    `    "detectedAt": "2026-11-23T03:12:00+01:00",`,
    `    "host": "EMPFANG-PC"`,
    `  }'`,
  ].join('\n');
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('apiTokens.howTitle')}
        </Title>
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>{t('apiTokens.how1')}</List.Item>
          <List.Item>{t('apiTokens.how2')}</List.Item>
          <List.Item>
            {t('apiTokens.how3')}{' '}
            <Text component={Link} to={`/o/${organisationId}/registration`} size="sm" c="blue" td="underline">
              {t('apiTokens.toEscalation')}
            </Text>
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          {t('apiTokens.forProvider')}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('apiTokens.intakeUrl')}
          </Text>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Code block style={{ flex: 1, minWidth: 0, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="intake-url">
              {url}
            </Code>
            <CopyText value={url} />
          </Group>
        </Stack>
        <Stack gap={4}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={500}>
              {t('apiTokens.example')}
            </Text>
            <CopyText value={example} />
          </Group>
          <Code block tabIndex={0} style={{ overflowX: 'auto', whiteSpace: 'pre' }} data-testid="intake-example">
            {example}
          </Code>
          <Text size="xs" c="dimmed">
            {t('apiTokens.exampleHint')}
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}

function CopyText({ value, testId }: { value: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant={copied ? 'filled' : 'default'}
          color={copied ? 'green' : undefined}
          onClick={copy}
          data-testid={testId}
          style={{ flexShrink: 0 }}
        >
          {copied ? t('common.copied') : t('apiTokens.copy')}
        </Button>
      )}
    </CopyButton>
  );
}

function TokenManagement({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const tokens = useIntakeTokens(organisationId);
  const create = useCreateIntakeToken(organisationId);
  const revoke = useRevokeIntakeToken(organisationId);
  const [created, setCreated] = useState<CreatedIntakeToken | null>(null);
  const [toRevoke, setToRevoke] = useState<IntakeToken | null>(null);
  const schemaForm = useSchemaForm({ schema: createApiTokenSchema, initialValues: { name: '' } });
  const { form } = schemaForm;

  const submit = schemaForm.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim() },
      {
        onSuccess: (token) => {
          setCreated(token);
          form.reset();
        },
        onError: schemaForm.showError,
      },
    ),
  );

  return (
    <>
      <Card withBorder padding="lg">
        <form onSubmit={submit} noValidate data-testid="api-token-form">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('apiTokens.createTitle')}
            </Title>
            {/* The button sits beside the input itself, so that a message under the input does not move it. */}
            <TextInput
              label={t('apiTokens.name')}
              description={t('apiTokens.nameHint')}
              placeholder={t('apiTokens.namePlaceholder')}
              required
              {...form.getInputProps('name')}
              inputContainer={(input) => (
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <div style={{ flex: 1, minWidth: 0 }}>{input}</div>
                  <Button type="submit" loading={create.isPending}>
                    {t('apiTokens.create')}
                  </Button>
                </Group>
              )}
            />
            <FormProblems form={schemaForm} />
          </Stack>
        </form>
      </Card>

      {tokens.isPending ? (
        <PageLoader />
      ) : tokens.error ? (
        <ErrorAlert error={tokens.error} />
      ) : tokens.data.length === 0 ? (
        <Card withBorder padding="lg">
          <Text c="dimmed" size="sm">
            {t('apiTokens.empty')}
          </Text>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="api-token-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('apiTokens.column')}</Table.Th>
                  <Table.Th>{t('apiTokens.createdAt')}</Table.Th>
                  <Table.Th>{t('apiTokens.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('apiTokens.state')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => (
                  <Table.Tr key={token.id} data-testid={`api-token-${token.id}`}>
                    <Table.Td fw={500}>{token.name}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(token.createdAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('apiTokens.neverUsed')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {token.revokedAt ? (
                        <Badge color="gray" variant="light" styles={{ label: { overflow: 'visible' } }}>
                          {t('apiTokens.revokedAt', { at: formatDateTime(token.revokedAt) })}
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light" styles={{ label: { overflow: 'visible' } }}>
                          {t('apiTokens.active')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {!token.revokedAt && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setToRevoke(token)}>
                          {t('apiTokens.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}

      <CreatedTokenModal created={created} onClose={() => setCreated(null)} />
      <ConfirmModal
        subject={toRevoke}
        title={t('apiTokens.revokeTitle')}
        text={toRevoke ? t('apiTokens.revokeText', { name: toRevoke.name }) : ''}
        confirmLabel={t('apiTokens.revoke')}
        mutation={revoke}
        keyOf={(token) => token.id}
        onClose={() => setToRevoke(null)}
      />
    </>
  );
}

/** The token itself, shown this one time only. */
function CreatedTokenModal({ created, onClose }: { created: CreatedIntakeToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={created !== null} onClose={onClose} title={t('apiTokens.createdTitle', { name: created?.name ?? '' })} size="lg" closeOnClickOutside={false}>
      {created && (
        <Stack gap="md">
          <Alert color="orange" variant="light" title={t('apiTokens.onceTitle')}>
            {t('apiTokens.once')}
          </Alert>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Code block style={{ flex: 1, minWidth: 0, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="created-token" data-token={created.token}>
              {created.token}
            </Code>
            <CopyText value={created.token} testId="copy-token" />
          </Group>
          <Text size="sm" c="dimmed">
            {t('apiTokens.onceHint')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('apiTokens.stored')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

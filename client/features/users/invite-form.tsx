import { Alert, Button, Card, Checkbox, Code, CopyButton, Grid, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inviteUserSchema } from '../../../domain/auth/auth.schema.ts';
import type { Role } from '../../../domain/auth/roles.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { formatDate } from '../../lib/format.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { roleOptions } from './roles.ts';
import { type CreatedInvitation, useInvite } from './users.api.ts';

type InviteValues = { email: string; role: Role | null; isAdmin: boolean };

export function InviteForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const invite = useInvite(organisationId);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const schemaForm = useSchemaForm<InviteValues>({ schema: inviteUserSchema, initialValues: { email: '', role: 'staff', isAdmin: false } });
  const { form } = schemaForm;

  const submit = schemaForm.onSubmit((values) => {
    invite.mutate(
      { email: values.email, role: values.role as Role, isAdmin: values.role === 'auditor' ? false : values.isAdmin },
      {
        onSuccess: (result) => {
          setCreated(result);
          form.reset();
        },
        onError: schemaForm.showError,
      },
    );
  });

  return (
    <Card withBorder padding="lg" data-testid="invite-form">
      <form onSubmit={submit} noValidate>
        <Grid gap="sm" align="flex-start">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('person.email')} type="email" required {...form.getInputProps('email')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select label={t('people.role')} data={roleOptions(t)} allowDeselect={false} required {...form.getInputProps('role')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Checkbox
              label={t('invite.isAdmin')}
              description={t('invite.isAdminHint')}
              disabled={form.values.role === 'auditor'}
              {...form.getInputProps('isAdmin', { type: 'checkbox' })}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <FormProblems form={schemaForm} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Button type="submit" loading={invite.isPending}>
              {t('invite.send')}
            </Button>
          </Grid.Col>
        </Grid>
      </form>
      {created && (
        <Alert mt="md" color="teal" variant="light" title={t('invite.created', { email: created.email })} withCloseButton onClose={() => setCreated(null)}>
          {created.link ? (
            <Stack gap="xs">
              <Text size="sm">{t('invite.noSmtp')}</Text>
              <Code block data-testid="invite-link" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {created.link}
              </Code>
              <Group>
                <CopyButton value={created.link}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? t('common.copied') : t('invite.copyLink')}
                    </Button>
                  )}
                </CopyButton>
                <Text size="xs" c="dimmed">
                  {t('invite.validUntil', { date: formatDate(created.expiresAt) })}
                </Text>
              </Group>
            </Stack>
          ) : (
            <Text size="sm">{t('invite.mailed', { date: formatDate(created.expiresAt) })}</Text>
          )}
        </Alert>
      )}
    </Card>
  );
}

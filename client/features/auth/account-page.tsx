import { Alert, Badge, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { changePasswordSchema, PASSWORD_MIN_LENGTH, regenerateRecoveryCodesSchema } from '../../../domain/auth/auth.schema.ts';
import { CodeInput } from '../../components/code-input.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RecoveryCodes } from '../../components/recovery-codes.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useChangePassword, useRecoveryStatus, useRenewRecoveryCodes, useSession } from './auth.api.ts';

const changePasswordFormSchema = changePasswordSchema
  .extend({ newPasswordRepeat: z.string() })
  .refine((values) => values.newPassword === values.newPasswordRepeat, { path: ['newPasswordRepeat'], message: 'password_mismatch', when: () => true });

/** One's own account: sign-in data and the way back in without the phone. */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data && session.data.state !== 'anonymous' ? session.data.user : null;
  return (
    <Stack gap="xl" maw={720}>
      <PageHeader title={t('account.title')} description={user ? t('account.description', { name: user.name, email: user.email }) : undefined} />
      <ChangePasswordSection />
      <RecoveryCodesSection />
    </Stack>
  );
}

function ChangePasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [ended, setEnded] = useState<number | null>(null);
  const schemaForm = useSchemaForm({ schema: changePasswordFormSchema, initialValues: { currentPassword: '', newPassword: '', newPasswordRepeat: '' } });
  const { form } = schemaForm;

  const submit = schemaForm.onSubmit((values) => {
    setEnded(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: (result) => {
          form.reset();
          setEnded(result.otherSessionsEnded);
        },
        onError: schemaForm.showError,
      },
    );
  });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="change-password">
      <Title order={2} size="h3" id="change-password" mb={4}>
        {t('account.passwordTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('account.passwordIntro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasswordInput label={t('account.currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label={t('reset.newPassword')}
            description={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput label={t('password.repeat')} autoComplete="new-password" required {...form.getInputProps('newPasswordRepeat')} />
          <FormProblems form={schemaForm} />
          {ended !== null && (
            <Alert color="teal" variant="light" data-testid="password-changed">
              {t('account.passwordChanged', { count: ended })}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RecoveryCodesSection() {
  const { t } = useTranslation();
  const status = useRecoveryStatus();
  const renew = useRenewRecoveryCodes();
  const [codes, setCodes] = useState<string[] | null>(null);
  const schemaForm = useSchemaForm({ schema: regenerateRecoveryCodesSchema, initialValues: { password: '', code: '' } });
  const { form } = schemaForm;
  const remaining = status.data?.remaining;

  const submit = schemaForm.onSubmit((values) => {
    renew.mutate(values, {
      onSuccess: (fresh) => {
        form.reset();
        setCodes(fresh);
      },
      onError: schemaForm.showError,
    });
  });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="recovery-codes">
      <Group justify="space-between" align="flex-start" mb={4} gap="xs">
        <Title order={2} size="h3" id="recovery-codes">
          {t('recovery.title')}
        </Title>
        {remaining !== undefined && (
          <Badge color={remaining === 0 ? 'red' : remaining <= 3 ? 'orange' : 'teal'} variant="light" size="lg" data-testid="recovery-count">
            {t('recovery.remainingShort', { count: remaining })}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('recovery.explain')}
      </Text>
      {status.error && <ErrorAlert error={status.error} />}
      {remaining !== undefined && remaining <= 3 && !codes && (
        <Alert color={remaining === 0 ? 'red' : 'orange'} variant="light" mb="md">
          {remaining === 0 ? t('recovery.noneLeft') : t('recovery.fewLeft', { count: remaining })}
        </Alert>
      )}
      {codes ? (
        <RecoveryCodes codes={codes} onContinue={() => setCodes(null)} continueLabel={t('recovery.saved')} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('recovery.renewIntro')}</Text>
            <PasswordInput label={t('password.label')} autoComplete="current-password" required {...form.getInputProps('password')} />
            <CodeInput
              label={t('login.codeLabel')}
              description={t('login.codeHint')}
              required
              value={form.values.code}
              onChange={(value) => form.setFieldValue('code', value)}
              error={form.errors.code}
              name="code"
            />
            <FormProblems form={schemaForm} />
            <Group>
              <Button type="submit" variant="light" loading={renew.isPending}>
                {t('recovery.renew')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

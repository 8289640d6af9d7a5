import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH, passwordResetConfirmSchema, passwordResetRequestSchema } from '../../../domain/auth/auth.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { isApiError } from '../../lib/api.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useConfirmPasswordReset, useRequestPasswordReset } from './auth.api.ts';

const resetFormSchema = passwordResetConfirmSchema
  .extend({ passwordRepeat: z.string() })
  .refine((values) => values.password === values.passwordRepeat, { path: ['passwordRepeat'], message: 'password_mismatch', when: () => true });

function BackToLogin() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/login" size="sm">
      {t('reset.backToLogin')}
    </Anchor>
  );
}

/** "Forgot password?": asks for the address; the answer never says whether an account exists. */
export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const schemaForm = useSchemaForm({ schema: passwordResetRequestSchema, initialValues: { email: '' } });
  const { form } = schemaForm;

  const submit = schemaForm.onSubmit((values) => {
    request.mutate(values.email, {
      onSuccess: () => setSentTo(values.email.trim()),
      onError: schemaForm.showError,
    });
  });

  if (sentTo) {
    return (
      <PublicLayout title={t('reset.title')}>
        <Stack gap="md">
          <Alert color="teal" variant="light" data-testid="reset-requested">
            {t('reset.sent', { email: sentTo })}
          </Alert>
          <Text size="sm">{t('reset.noMail')}</Text>
          <BackToLogin />
        </Stack>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title={t('reset.title')} intro={t('reset.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t('person.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <FormProblems form={schemaForm} />
          <Group>
            <Button type="submit" loading={request.isPending}>
              {t('reset.send')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t('reset.phoneStays')}
          </Text>
          <BackToLogin />
        </Stack>
      </form>
    </PublicLayout>
  );
}

/** The page behind the mailed link: a new password, then the usual sign-in with the authenticator. */
export function PasswordResetConfirmPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const confirm = useConfirmPasswordReset();
  const [done, setDone] = useState(false);
  const schemaForm = useSchemaForm({
    schema: resetFormSchema,
    initialValues: { password: '', passwordRepeat: '' },
    toInput: (values) => ({ ...values, token }),
  });
  const { form } = schemaForm;

  const submit = schemaForm.onSubmit((values) => {
    confirm.mutate(
      { token, password: values.password },
      {
        onSuccess: () => setDone(true),
        onError: (error) => {
          if (isApiError(error, 'auth.reset_invalid')) schemaForm.setProblems([t('errors.auth.reset_invalid')]);
          else schemaForm.showError(error);
        },
      },
    );
  });

  if (done) {
    return (
      <PublicLayout title={t('reset.newTitle')}>
        <Stack gap="md">
          <Alert color="teal" variant="light" data-testid="reset-done">
            {t('reset.done')}
          </Alert>
          <Button component={Link} to="/login" w="fit-content">
            {t('login.title')}
          </Button>
        </Stack>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title={t('reset.newTitle')} intro={t('reset.newIntro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert variant="light" color="blue" title={t('password.title')}>
            {t('password.explain', { min: PASSWORD_MIN_LENGTH })}
          </Alert>
          <PasswordInput
            label={t('reset.newPassword')}
            description={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput label={t('password.repeat')} autoComplete="new-password" required {...form.getInputProps('passwordRepeat')} />
          <FormProblems form={schemaForm} />
          {schemaForm.problems.length > 0 && isApiError(confirm.error, 'auth.reset_invalid') && (
            <Anchor component={Link} to="/password-reset" size="sm">
              {t('reset.again')}
            </Anchor>
          )}
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              {t('reset.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  );
}

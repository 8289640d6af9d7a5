import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../domain/auth/auth.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { isApiError } from '../../lib/api.ts';
import { fieldErrors } from '../../lib/form-errors.ts';
import { useConfirmPasswordReset, useRequestPasswordReset } from './auth.api.ts';

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
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm({ mode: 'controlled', initialValues: { email: '' } });

  const submit = form.onSubmit((values) => {
    setProblems([]);
    if (!values.email.trim()) {
      form.setErrors({ email: t('issues.required') });
      return;
    }
    request.mutate(values.email, {
      onSuccess: () => setSentTo(values.email.trim()),
      onError: (error) => {
        const { fields, rest } = fieldErrors(t, error, form.values);
        form.setErrors(fields);
        setProblems(rest);
      },
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
          <ErrorAlert messages={problems} />
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
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm({ mode: 'controlled', initialValues: { password: '', passwordRepeat: '' } });

  const submit = form.onSubmit((values) => {
    setProblems([]);
    const errors: Record<string, string> = {};
    if (!values.password) errors.password = t('issues.required');
    if (values.password !== values.passwordRepeat) errors.passwordRepeat = t('issues.password_mismatch');
    if (Object.keys(errors).length) {
      form.setErrors(errors);
      return;
    }
    confirm.mutate(
      { token, password: values.password },
      {
        onSuccess: () => setDone(true),
        onError: (error) => {
          if (isApiError(error, 'auth.reset_invalid')) {
            setProblems([t('errors.auth.reset_invalid')]);
            return;
          }
          const { fields, rest } = fieldErrors(t, error, form.values);
          form.setErrors(fields);
          setProblems(rest);
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
          <ErrorAlert messages={problems} />
          {problems.length > 0 && isApiError(confirm.error, 'auth.reset_invalid') && (
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

import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginSchema, recoveryLoginSchema, totpSchema } from '../../../domain/auth/auth.schema.ts';
import { CodeInput } from '../../components/code-input.tsx';
import { EnrolmentPanel } from '../../components/enrolment-panel.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { isApiError } from '../../lib/api.ts';
import { homeOf } from '../../lib/home-of.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { type Enrolment, reloadSession, type Session, useLogin, useLogout, useRecoveryLogin, useSession, useVerifyTotp } from './auth.api.ts';

/** Only paths inside this app are followed after sign-in. */
export function safeNext(value: string | null): string | null {
  return value?.startsWith('/') && !value.startsWith('//') ? value : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [enrolment, setEnrolment] = useState<Enrolment | undefined>();
  const [finished, setFinished] = useState(false);

  if (session.isPending) return <PageLoader />;
  const state = session.data?.state ?? 'anonymous';
  if (state === 'anonymous' && session.data?.state === 'anonymous' && session.data.setupNeeded) return <Navigate to="/setup" replace />;
  if (state === 'active' && !finished) return <Navigate to={next ?? homeOf(session.data!)} replace />;

  const done = (after: Session) => {
    setFinished(true);
    navigate(next ?? homeOf(after), { replace: true });
  };

  if (state === 'enrolling') {
    return (
      <PublicLayout title={t('enrol.title')} intro={t('enrol.loginIntro')} width={680}>
        <EnrolmentPanel enrolment={enrolment} onDone={done} />
        <CancelLink />
      </PublicLayout>
    );
  }
  if (state === 'password_ok') {
    return (
      <PublicLayout title={t('login.totpTitle')} intro={t('login.totpIntro')}>
        <TotpStep onDone={done} />
        <CancelLink />
      </PublicLayout>
    );
  }
  return (
    <PublicLayout title={t('login.title')} intro={t('login.intro')}>
      <PasswordStep onEnrol={setEnrolment} />
    </PublicLayout>
  );
}

function CancelLink() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Text size="sm" mt="lg">
      <Anchor component="button" type="button" onClick={() => logout.mutate()}>
        {t('login.otherAccount')}
      </Anchor>
    </Text>
  );
}

function PasswordStep({ onEnrol }: { onEnrol: (enrolment: Enrolment) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const schemaForm = useSchemaForm({ schema: loginSchema, initialValues: { email: '', password: '' } });
  const { form } = schemaForm;

  const submit = schemaForm.onSubmit((values) => {
    login.mutate(values, {
      onSuccess: (result) => {
        if (result.next === 'enrol') onEnrol(result.enrolment);
      },
      onError: schemaForm.showError,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('person.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
        <PasswordInput label={t('password.label')} autoComplete="current-password" required {...form.getInputProps('password')} />
        <FormProblems form={schemaForm} />
        <Button type="submit" loading={login.isPending}>
          {t('login.submit')}
        </Button>
        <Anchor component={Link} to="/password-reset" size="sm" w="fit-content">
          {t('login.forgot')}
        </Anchor>
        <Anchor component={Link} to="/schnellcheck" size="sm" w="fit-content" data-testid="login-quick-check-link">
          {t('quickCheck.signInLink')}
        </Anchor>
      </Stack>
    </form>
  );
}

function TotpStep({ onDone }: { onDone: (session: Session) => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  if (useRecovery) return <RecoveryStep onDone={onDone} onBack={() => setUseRecovery(false)} />;
  return <AppCodeStep onDone={onDone} onRecovery={() => setUseRecovery(true)} />;
}

/** Without the phone: one of the ten recovery codes; afterwards the page says how many are left. */
function RecoveryStep({ onDone, onBack }: { onDone: (session: Session) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const recover = useRecoveryLogin();
  const schemaForm = useSchemaForm({ schema: recoveryLoginSchema, initialValues: { code: '' } });
  const [left, setLeft] = useState<number | null>(null);
  const queryClient = useQueryClient();

  if (left !== null) {
    return (
      <Stack gap="md">
        <Alert color={left <= 3 ? 'orange' : 'teal'} variant="light" data-testid="recovery-remaining">
          {t('recovery.remaining', { count: left })} {t('recovery.renewHint')}
        </Alert>
        <Button w="fit-content" onClick={() => void reloadSession(queryClient).then(onDone)}>
          {t('recovery.continue')}
        </Button>
      </Stack>
    );
  }

  const submit = schemaForm.onSubmit(({ code }) => {
    recover.mutate(code, {
      onSuccess: setLeft,
      onError: (error) => {
        if (isApiError(error, 'auth.recovery_code_invalid')) schemaForm.form.setFieldError('code', t('errors.auth.recovery_code_invalid'));
        else schemaForm.showError(error);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('recovery.loginIntro')}</Text>
        <TextInput
          label={t('recovery.codeLabel')}
          description={t('recovery.codeHint')}
          {...schemaForm.form.getInputProps('code')}
          name="recoveryCode"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: '1.1rem', letterSpacing: '0.05em' } }}
          autoFocus
        />
        <FormProblems form={schemaForm} />
        <Group>
          <Button type="submit" loading={recover.isPending}>
            {t('login.verify')}
          </Button>
          <Button variant="subtle" onClick={onBack}>
            {t('recovery.backToApp')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AppCodeStep({ onDone, onRecovery }: { onDone: (session: Session) => void; onRecovery: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifyTotp();
  const schemaForm = useSchemaForm({ schema: totpSchema, initialValues: { code: '' } });
  const { form } = schemaForm;

  const submit = schemaForm.onSubmit(({ code }) => {
    verify.mutate(code, {
      onSuccess: onDone,
      onError: (error) => {
        if (isApiError(error, 'auth.totp_invalid')) form.setFieldError('code', t('errors.auth.totp_invalid'));
        else schemaForm.showError(error);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <CodeInput
          label={t('login.codeLabel')}
          description={t('login.codeHint')}
          value={form.values.code}
          onChange={(code) => form.setFieldValue('code', code)}
          error={form.errors.code}
          name="code"
          autoFocus
        />
        <FormProblems form={schemaForm} />
        <Button type="submit" loading={verify.isPending} w="fit-content">
          {t('login.verify')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onRecovery} w="fit-content" data-testid="use-recovery-code">
          {t('recovery.useCode')}
        </Anchor>
      </Stack>
    </form>
  );
}

import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { CodeInput } from '../../components/code-input.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorText, fieldErrors } from '../../lib/form-errors.ts';
import { reloadSession, useLogin, useLogout, useRecoveryLogin, useSession, useVerifyTotp, type Enrolment, type Session } from './auth.api.ts';
import { EnrolmentPanel } from './enrolment-panel.tsx';

/** Only paths inside this app are followed after sign-in. */
export function safeNext(value: string | null): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

export function homeOf(session: Session): string {
  return session.state === 'active' && session.currentOrganisationId ? `/o/${session.currentOrganisationId}` : '/';
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
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { email: '', password: '' } });

  const submit = form.onSubmit((values) => {
    setProblem(null);
    const errors: Record<string, string> = {};
    if (!values.email.trim()) errors.email = t('issues.required');
    if (!values.password) errors.password = t('issues.required');
    if (Object.keys(errors).length) {
      form.setErrors(errors);
      return;
    }
    login.mutate(values, {
      onSuccess: (result) => {
        if (result.next === 'enrol') onEnrol(result.enrolment);
      },
      onError: (error) => {
        if (isApiError(error, 'validation_failed')) {
          const { fields, rest } = fieldErrors(t, error, form.values);
          form.setErrors(fields);
          if (rest.length) setProblem(rest.join(' '));
          return;
        }
        setProblem(errorText(t, error));
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('person.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
        <PasswordInput label={t('password.label')} autoComplete="current-password" required {...form.getInputProps('password')} />
        {problem && <ErrorAlert messages={[problem]} />}
        <Button type="submit" loading={login.isPending}>
          {t('login.submit')}
        </Button>
        <Anchor component={Link} to="/password-reset" size="sm" w="fit-content">
          {t('login.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}

function TotpStep({ onDone }: { onDone: (session: Session) => void }) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  if (useRecovery) return <RecoveryStep onDone={onDone} onBack={() => setUseRecovery(false)} />;
  return <AppCodeStep onDone={onDone} onRecovery={() => setUseRecovery(true)} />;
}

/** Without the phone: one of the ten recovery codes; afterwards the page says how many are left. */
function RecoveryStep({ onDone, onBack }: { onDone: (session: Session) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const recover = useRecoveryLogin();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCodeError(null);
    setProblem(null);
    if (!code.trim()) {
      setCodeError(t('issues.required'));
      return;
    }
    recover.mutate(code, {
      onSuccess: setLeft,
      onError: (error) => {
        if (isApiError(error, 'auth.recovery_code_invalid') || isApiError(error, 'validation_failed')) setCodeError(t('errors.auth.recovery_code_invalid'));
        else setProblem(error);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('recovery.loginIntro')}</Text>
        <TextInput
          label={t('recovery.codeLabel')}
          description={t('recovery.codeHint')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={codeError}
          name="recoveryCode"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: '1.1rem', letterSpacing: '0.05em' } }}
          autoFocus
        />
        {problem !== null && <ErrorAlert error={problem} />}
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
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCodeError(null);
    setProblem(null);
    if (!/^\d{6}$/.test(code)) {
      setCodeError(t('issues.six_digits'));
      return;
    }
    verify.mutate(code, {
      onSuccess: onDone,
      onError: (error) => {
        if (isApiError(error, 'auth.totp_invalid') || isApiError(error, 'validation_failed')) {
          setCodeError(t('errors.auth.totp_invalid'));
        } else {
          setProblem(error);
        }
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <CodeInput label={t('login.codeLabel')} description={t('login.codeHint')} value={code} onChange={setCode} error={codeError} name="code" autoFocus />
        {problem !== null && <ErrorAlert error={problem} />}
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

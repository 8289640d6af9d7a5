import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { acceptInviteSchema, PASSWORD_MIN_LENGTH } from '../../../domain/auth/auth.schema.ts';
import { EnrolmentPanel } from '../../components/enrolment-panel.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { isApiError } from '../../lib/api.ts';
import { homeOf } from '../../lib/home-of.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { type Enrolment, useLogout, useSession } from '../auth/auth.api.ts';
import { type InvitationOffer, useAcceptInvitation, useInvitationOffer, useJoinInvitation } from './invitations.api.ts';

const acceptFormSchema = acceptInviteSchema
  .extend({ passwordRepeat: z.string() })
  .refine((values) => values.password === values.passwordRepeat, { path: ['passwordRepeat'], message: 'password_mismatch', when: () => true });

export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const offer = useInvitationOffer(token);
  const session = useSession();
  const navigate = useNavigate();
  const [enrolment, setEnrolment] = useState<Enrolment | undefined>();

  if (offer.isPending || session.isPending) return <PageLoader />;
  if (offer.error && !enrolment) {
    const expired = isApiError(offer.error, 'invite.expired');
    const gone = expired || isApiError(offer.error, 'invite.not_found');
    return (
      <PublicLayout title={t('invite.title')}>
        <Stack>
          <ErrorAlert error={offer.error} title={gone ? t('invite.unusable') : undefined} />
          <Text size="sm">{t('invite.askAgain')}</Text>
          <Anchor component={Link} to="/">
            {t('invite.toStart')}
          </Anchor>
        </Stack>
      </PublicLayout>
    );
  }

  if (enrolment || session.data?.state === 'enrolling') {
    return (
      <PublicLayout title={t('enrol.title')} intro={t('invite.enrolIntro')} width={680}>
        <EnrolmentPanel enrolment={enrolment} onDone={(next) => navigate(homeOf(next), { replace: true })} />
      </PublicLayout>
    );
  }

  const data = offer.data!;
  return (
    <PublicLayout title={t('invite.title')} width={600}>
      <Stack gap="md">
        <Alert variant="light" color="teal">
          <Trans i18nKey="invite.offer" values={{ organisation: data.organisationName, role: t(`role.${data.role}`) }} components={{ strong: <strong /> }} />
        </Alert>
        <Text size="sm">{t('invite.forEmail', { email: data.email })}</Text>
        {/* The server does not say whether the address has an account: a signed-in person joins, everyone else may
            create an account or sign in, and the server decides on submit. */}
        {session.data?.state === 'active' ? <ExistingAccount token={token} offer={data} /> : <NewAccountForm token={token} onEnrol={setEnrolment} />}
      </Stack>
    </PublicLayout>
  );
}

function NewAccountForm({ token, onEnrol }: { token: string; onEnrol: (enrolment: Enrolment) => void }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(token);
  const [hasAccount, setHasAccount] = useState(false);
  const loginLink = `/login?next=${encodeURIComponent(`/invite/${token}`)}`;
  const schemaForm = useSchemaForm({ schema: acceptFormSchema, initialValues: { name: '', password: '', passwordRepeat: '' } });
  const { form } = schemaForm;

  const submit = schemaForm.onSubmit((values) => {
    accept.mutate(
      { name: values.name, password: values.password },
      {
        onSuccess: onEnrol,
        onError: (error) => {
          if (isApiError(error, 'invite.login_required')) setHasAccount(true);
          else schemaForm.showError(error);
        },
      },
    );
  });

  if (hasAccount) {
    return (
      <Stack gap="sm">
        <Alert variant="light" color="blue">
          {t('invite.loginFirst')}
        </Alert>
        <Button component={Link} to={loginLink} w="fit-content">
          {t('invite.toLogin')}
        </Button>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {t('invite.haveAccount')}{' '}
          <Anchor component={Link} to={loginLink} data-testid="invite-login">
            {t('invite.toLogin')}
          </Anchor>
        </Text>
        <Text>{t('invite.newAccount')}</Text>
        <TextInput label={t('person.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <PasswordInput
          label={t('password.label')}
          description={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput label={t('password.repeat')} autoComplete="new-password" required {...form.getInputProps('passwordRepeat')} />
        <FormProblems form={schemaForm} />
        <Group>
          <Button type="submit" loading={accept.isPending}>
            {t('invite.createAccount')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ExistingAccount({ token, offer }: { token: string; offer: InvitationOffer }) {
  const { t } = useTranslation();
  const session = useSession();
  const join = useJoinInvitation(token);
  const logout = useLogout();
  const navigate = useNavigate();
  const data = session.data;

  if (data?.state !== 'active') {
    return (
      <Stack gap="sm">
        <Text>{t('invite.loginFirst')}</Text>
        <Button component={Link} to={`/login?next=${encodeURIComponent(`/invite/${token}`)}`} w="fit-content">
          {t('invite.toLogin')}
        </Button>
      </Stack>
    );
  }
  if (data.user.email.toLowerCase() !== offer.email.toLowerCase()) {
    return (
      <Stack gap="sm">
        <Alert color="orange" variant="light">
          {t('invite.wrongAccount', { email: data.user.email, invited: offer.email })}
        </Alert>
        <Button variant="default" w="fit-content" onClick={() => logout.mutate()} loading={logout.isPending}>
          {t('shell.logout')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Text>{t('invite.joinText', { name: data.user.name })}</Text>
      {join.error && <ErrorAlert error={join.error} />}
      <Button
        w="fit-content"
        loading={join.isPending}
        onClick={() => join.mutate(undefined, { onSuccess: (result) => navigate(`/o/${result.organisationId}`, { replace: true }) })}
      >
        {t('invite.join')}
      </Button>
    </Stack>
  );
}

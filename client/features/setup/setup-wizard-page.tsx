import { Alert, Anchor, Button, CopyButton, Group, PasswordInput, Select, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../domain/auth/auth.schema.ts';
import type { LegalForm } from '../../../domain/organisations/organisation.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { isApiError } from '../../lib/api.ts';
import { fieldErrors } from '../../lib/form-errors.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useSession, type Enrolment, type Session } from '../auth/auth.api.ts';
import { EnrolmentPanel } from '../auth/enrolment-panel.tsx';
import { emptyLocation, LocationRows } from '../organisations/location-rows.tsx';
import { legalFormOptions } from '../organisations/legal-forms.ts';
import { useRunSetup, useSetupInfo, type LocationDraft } from './setup.api.ts';

interface SetupValues {
  organisation: { name: string; legalForm: LegalForm | null; locations: LocationDraft[] };
  admin: { name: string; email: string; password: string; passwordRepeat: string };
  /** The address colleagues use to reach praxisschild; links in invitations and reset mails start with it. */
  publicUrl: string;
}

const DRAFT_KEY = 'praxisschild.setup-draft';

/** What was typed survives a reload of the page; passwords are never stored. */
function loadDraft(): SetupValues | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as SetupValues;
    return { ...draft, publicUrl: draft.publicUrl ?? window.location.origin, admin: { ...draft.admin, password: '', passwordRepeat: '' } };
  } catch {
    return null;
  }
}

function saveDraft(values: SetupValues) {
  try {
    const { password: _p, passwordRepeat: _r, ...admin } = values.admin;
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ ...values, admin }));
  } catch {
    // Storage is a convenience only.
  }
}

export function SetupWizardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [enrolment, setEnrolment] = useState<Enrolment | undefined>();
  const [initial] = useState(() => session.data?.state);
  const [active, setActive] = useState(0);
  const setup = useRunSetup();
  const info = useSetupInfo();
  const fixedPublicUrl = info.data?.fixedPublicUrl ?? null;
  const [problems, setProblems] = useState<string[]>([]);
  const [backForErrors, setBackForErrors] = useState(false);

  const form = useForm<SetupValues>({
    mode: 'controlled',
    initialValues: loadDraft() ?? {
      organisation: { name: '', legalForm: null, locations: [emptyLocation()] },
      admin: { name: '', email: '', password: '', passwordRepeat: '' },
      publicUrl: window.location.origin,
    },
    onValuesChange: saveDraft,
  });

  useEffect(() => {
    if (session.data?.state === 'enrolling') setActive(2);
  }, [session.data?.state]);

  if (session.isPending) return <PageLoader />;
  const state = session.data?.state ?? initial;
  if (state === 'active' && !enrolment) return <Navigate to="/" replace />;
  if (session.data?.state === 'anonymous' && !session.data.setupNeeded) return <Navigate to="/login" replace />;
  if (session.data?.state === 'password_ok') return <Navigate to="/login" replace />;

  const required = (value: string) => (value.trim() ? null : t('issues.required'));

  /** Sets or clears the errors of one step's fields; errors the server gave for the other step stay. */
  const applyChecks = (errors: Record<string, string | null>) => {
    let ok = true;
    for (const [path, message] of Object.entries(errors)) {
      if (message) {
        form.setFieldError(path, message);
        ok = false;
      } else if (!form.errors[path] || form.errors[path] === t('issues.required') || form.errors[path] === t('issues.choose')) {
        form.clearFieldError(path);
      }
    }
    return ok;
  };

  const checkOrganisation = () => {
    const errors: Record<string, string | null> = {
      'organisation.name': required(form.values.organisation.name),
      'organisation.legalForm': form.values.organisation.legalForm ? null : t('issues.choose'),
    };
    form.values.organisation.locations.forEach((location, i) => {
      errors[`organisation.locations.${i}.name`] = required(location.name);
    });
    return applyChecks(errors);
  };

  const checkAdmin = () => {
    const { admin } = form.values;
    const errors: Record<string, string | null> = {
      'admin.name': required(admin.name),
      'admin.email': required(admin.email),
      'admin.password': admin.password ? null : t('issues.required'),
      'admin.passwordRepeat': admin.password !== admin.passwordRepeat ? t('issues.password_mismatch') : null,
      publicUrl: fixedPublicUrl || /^https?:\/\/\S+$/.test(form.values.publicUrl.trim()) ? null : t('issues.public_url'),
    };
    return applyChecks(errors);
  };

  const submit = () => {
    setProblems([]);
    if (!checkAdmin()) return;
    const { organisation, admin } = form.values;
    setup.mutate(
      {
        organisation: { name: organisation.name, legalForm: organisation.legalForm as LegalForm, locations: organisation.locations },
        admin: { name: admin.name, email: admin.email, password: admin.password },
        locale: currentLocale(),
        ...(fixedPublicUrl ? {} : { publicUrl: form.values.publicUrl.trim() }),
      },
      {
        onSuccess: (result) => {
          sessionStorage.removeItem(DRAFT_KEY);
          setEnrolment(result);
          setActive(2);
        },
        onError: (error) => {
          if (isApiError(error, 'setup.already_done')) {
            setProblems([t('errors.setup.already_done')]);
            return;
          }
          const { fields, rest } = fieldErrors(t, error, form.values);
          form.setErrors(fields);
          setProblems(rest);
          if (Object.keys(fields).some((path) => path.startsWith('organisation'))) {
            setBackForErrors(true);
            setActive(0);
          }
        },
      },
    );
  };

  const done = (next: Session) => {
    navigate(next.state === 'active' && next.currentOrganisationId ? `/o/${next.currentOrganisationId}` : '/', { replace: true });
  };

  return (
    <PublicLayout title={t('setup.title')} intro={t('setup.intro')} width={720}>
      <Stepper active={active} size="sm" mb="lg" allowNextStepsSelect={false} onStepClick={(step) => active < 2 && setActive(step)}>
        <Stepper.Step label={t('setup.step1')} description={t('setup.step1Hint')}>
          <Stack gap="md" mt="md">
            {backForErrors && <ErrorAlert messages={[t('errors.validation_failed')]} />}
            <TextInput label={t('organisation.name')} description={t('setup.orgNameHint')} required {...form.getInputProps('organisation.name')} />
            <Select
              label={t('organisation.legalForm')}
              placeholder={t('common.choose')}
              data={legalFormOptions(t)}
              required
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('organisation.legalForm')}
            />
            <Text fw={500} mt="xs">
              {t('setup.locationsTitle')}
            </Text>
            <Text size="sm" c="dimmed" mt={-12}>
              {t('setup.locationsHint')}
            </Text>
            <LocationRows
              prefix="organisation.locations"
              locations={form.values.organisation.locations}
              getInputProps={(path) => form.getInputProps(path)}
              onAdd={() => form.insertListItem('organisation.locations', emptyLocation())}
              onRemove={(index) => form.removeListItem('organisation.locations', index)}
            />
            <Group justify="flex-end">
              <Button
                onClick={() => {
                  if (!checkOrganisation()) return;
                  setBackForErrors(false);
                  setActive(1);
                }}
              >{t('common.next')}</Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('setup.step2')} description={t('setup.step2Hint')}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
            noValidate
          >
            <Stack gap="md" mt="md">
              <Text size="sm">{t('setup.adminIntro')}</Text>
              <TextInput label={t('person.name')} autoComplete="name" required {...form.getInputProps('admin.name')} />
              <TextInput label={t('person.email')} type="email" autoComplete="email" required {...form.getInputProps('admin.email')} />
              <Alert variant="light" color="blue" title={t('password.title')}>
                {t('password.explain', { min: PASSWORD_MIN_LENGTH })}
              </Alert>
              <PasswordInput
                label={t('password.label')}
                description={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
                autoComplete="new-password"
                required
                {...form.getInputProps('admin.password')}
              />
              <PasswordInput label={t('password.repeat')} autoComplete="new-password" required {...form.getInputProps('admin.passwordRepeat')} />
              <TextInput
                label={t('setup.publicUrl')}
                description={fixedPublicUrl ? t('setup.publicUrlFixed') : t('setup.publicUrlHint')}
                type="url"
                required
                readOnly={Boolean(fixedPublicUrl)}
                {...form.getInputProps('publicUrl')}
                {...(fixedPublicUrl ? { value: fixedPublicUrl } : {})}
                rightSectionWidth={110}
                rightSection={
                  <CopyButton value={fixedPublicUrl ?? form.values.publicUrl}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="light" onClick={copy} data-testid="copy-public-url">
                        {copied ? t('common.copied') : t('setup.copyUrlShort')}
                      </Button>
                    )}
                  </CopyButton>
                }
              />
              <ErrorAlert messages={problems} />
              {problems.length > 0 && isApiError(setup.error, 'setup.already_done') && (
                <Anchor component={Link} to="/login">
                  {t('login.title')}
                </Anchor>
              )}
              <Group justify="space-between">
                <Button variant="default" onClick={() => setActive(0)}>
                  {t('common.back')}
                </Button>
                <Button type="submit" loading={setup.isPending}>
                  {t('setup.create')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>
        <Stepper.Step label={t('setup.step3')} description={t('setup.step3Hint')}>
          <Stack mt="md">
            <EnrolmentPanel enrolment={enrolment} onDone={done} />
          </Stack>
        </Stepper.Step>
      </Stepper>
    </PublicLayout>
  );
}

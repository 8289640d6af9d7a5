import { Stack, Stepper } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import type { LegalForm } from '../../../domain/organisations/organisation.schema.ts';
import { EnrolmentPanel } from '../../components/enrolment-panel.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { QuickCheckCarried } from '../../components/quick-check-carried.tsx';
import { isApiError } from '../../lib/api.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { type Enrolment, type Session, useSession } from '../auth/auth.api.ts';
import { carriedQuickCheck, forgetCarriedQuickCheck } from '../quickcheck/quickcheck.api.ts';
import { AdminStep } from './admin-step.tsx';
import { OrganisationStep } from './organisation-step.tsx';
import { useRunSetup, useSetupInfo } from './setup.api.ts';
import { clearDraft, emptySetup, loadDraft, type SetupValues, saveDraft, setupFormSchema } from './setup-form.ts';

const isOrganisationPath = (path: string) => path.startsWith('organisation');

export function SetupWizardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [enrolment, setEnrolment] = useState<Enrolment | undefined>();
  const [initial] = useState(() => session.data?.state);
  const [active, setActive] = useState(0);
  // Answers of the public quick check the person chose to bring along (kept in this tab until the setup succeeds).
  const [carried, setCarried] = useState(carriedQuickCheck);
  const setup = useRunSetup();
  const info = useSetupInfo();
  const fixedPublicUrl = info.data?.fixedPublicUrl ?? null;
  const schemaForm = useSchemaForm<SetupValues>({
    schema: setupFormSchema,
    initialValues: loadDraft() ?? emptySetup(),
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

  /** Errors of step 1 (found in the browser or by the server) take the user back there, where they are shown. */
  const backToOrganisationIf = (paths: string[]) => {
    if (paths.some(isOrganisationPath)) setActive(0);
  };

  const submit = (values: SetupValues) => {
    const { organisation, admin } = values;
    setup.mutate(
      {
        organisation: { name: organisation.name, legalForm: organisation.legalForm as LegalForm, locations: organisation.locations },
        admin: { name: admin.name, email: admin.email, password: admin.password },
        locale: currentLocale(),
        ...(fixedPublicUrl ? {} : { publicUrl: values.publicUrl.trim() }),
        ...(carried ? { quickCheck: carried.answerSet } : {}),
      },
      {
        onSuccess: (result) => {
          clearDraft();
          if (carried) forgetCarriedQuickCheck({ answers: true });
          setEnrolment(result);
          setActive(2);
        },
        onError: (error) => {
          if (isApiError(error, 'setup.already_done')) {
            schemaForm.setProblems([t('errors.setup.already_done')]);
            return;
          }
          schemaForm.showError(error);
          backToOrganisationIf(isApiError(error) ? error.issues.map((issue) => issue.path.join('.')) : []);
        },
      },
    );
  };

  const done = (next: Session) => {
    navigate(next.state === 'active' && next.currentOrganisationId ? `/o/${next.currentOrganisationId}` : '/', { replace: true });
  };

  return (
    <PublicLayout title={t('setup.title')} intro={t('setup.intro')} width={720}>
      {carried && active < 2 && (
        <QuickCheckCarried
          carried={carried}
          onDiscard={() => {
            forgetCarriedQuickCheck({ answers: false });
            setCarried(null);
          }}
        />
      )}
      <Stepper active={active} size="sm" mb="lg" allowNextStepsSelect={false} onStepClick={(step) => active < 2 && setActive(step)}>
        <Stepper.Step label={t('setup.step1')} description={t('setup.step1Hint')}>
          <OrganisationStep schemaForm={schemaForm} onNext={() => setActive(1)} showQuickCheckLink={!carried} />
        </Stepper.Step>
        <Stepper.Step label={t('setup.step2')} description={t('setup.step2Hint')}>
          <AdminStep
            schemaForm={schemaForm}
            fixedPublicUrl={fixedPublicUrl}
            isPending={setup.isPending}
            alreadyDone={isApiError(setup.error, 'setup.already_done')}
            onSubmit={submit}
            onInvalid={(errors) => backToOrganisationIf(Object.keys(errors))}
            onBack={() => setActive(0)}
          />
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

import { Stack } from '@mantine/core';
import { createBrowserRouter, Navigate, useLocation, useParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert.tsx';
import { PageLoader } from '../components/page-loader.tsx';
import { AccessPage } from '../features/access/access-page.tsx';
import { ChecklistTemplatesPage } from '../features/access/checklist-templates-page.tsx';
import { ApplicabilityPage } from '../features/applicability/applicability-page.tsx';
import { AssetPage } from '../features/assets/asset-page.tsx';
import { AssetsPage } from '../features/assets/assets-page.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { AccountPage } from '../features/auth/account-page.tsx';
import { useSession } from '../features/auth/auth.api.ts';
import { EnrolPage } from '../features/auth/enrol-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { PasswordResetConfirmPage, PasswordResetRequestPage } from '../features/auth/password-reset-page.tsx';
import { CalendarPage } from '../features/calendar/calendar-page.tsx';
import { CatalogPage } from '../features/catalog/catalog-page.tsx';
import { RequirementPage } from '../features/catalog/requirement-page.tsx';
import { DashboardPage } from '../features/dashboard/dashboard-page.tsx';
import { DocumentPage } from '../features/documents/document-page.tsx';
import { DocumentsPage } from '../features/documents/documents-page.tsx';
import { AssessmentPage } from '../features/incidents/assessment-page.tsx';
import { IncidentListPage } from '../features/incidents/incident-list-page.tsx';
import { IncidentPage } from '../features/incidents/incident-page.tsx';
import { IntakeTokensPage } from '../features/incidents/intake-tokens-page.tsx';
import { ReportIncidentPage } from '../features/incidents/report-incident-page.tsx';
import { InvitePage } from '../features/invitations/invite-page.tsx';
import { OutboxPage } from '../features/mail/outbox-page.tsx';
import { DirectorPage } from '../features/management/director-page.tsx';
import { ManagementPage } from '../features/management/management-page.tsx';
import { CreateOrganisationPage, NoOrganisationPage } from '../features/organisations/create-organisation-page.tsx';
import { LocationsPage } from '../features/organisations/locations-page.tsx';
import { OverviewPage } from '../features/organisations/overview-page.tsx';
import { StaffPage } from '../features/people/people-page.tsx';
import { CampaignPage } from '../features/phishing/campaign-page.tsx';
import { LessonPage, ReportedPage } from '../features/phishing/lesson-page.tsx';
import { NewCampaignPage, PhishingPage } from '../features/phishing/phishing-page.tsx';
import { PhishingSettingsPage } from '../features/phishing/settings-page.tsx';
import { QuickCheckCarryPage } from '../features/quickcheck/carry-over-page.tsx';
import { QuickCheckPage } from '../features/quickcheck/quickcheck-page.tsx';
import { RegistrationPage } from '../features/registration/registration-page.tsx';
import { RiskPage } from '../features/risks/risk-page.tsx';
import { RiskTemplatesPage } from '../features/risks/risk-templates-page.tsx';
import { RisksPage } from '../features/risks/risks-page.tsx';
import { RoadmapPage } from '../features/roadmap/roadmap-page.tsx';
import { SetupWizardPage } from '../features/setup/setup-wizard-page.tsx';
import { SupplierPage } from '../features/suppliers/supplier-page.tsx';
import { SuppliersPage } from '../features/suppliers/suppliers-page.tsx';
import { TaskPage } from '../features/tasks/task-page.tsx';
import { TaskTemplatesPage } from '../features/tasks/task-templates-page.tsx';
import { TasksPage } from '../features/tasks/tasks-page.tsx';
import { TrainingConfirmationPage } from '../features/training/confirmation-page.tsx';
import { CoursePage } from '../features/training/course-page.tsx';
import { SessionPage } from '../features/training/session-page.tsx';
import { TrainingPage } from '../features/training/training-page.tsx';
import { PeoplePage } from '../features/users/people-page.tsx';
import { homeOf } from '../lib/home-of.ts';
import { AppLayout } from './app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { StaffPersonPage } from './staff-person-page.tsx';

/**
 * A person's accounts and checklists used to have a page of their own under the access area; the person page of the
 * staff register shows them together with training and the § 38 duties, so older links (bookmarks, mails) go there.
 */
function ToStaffPerson() {
  const { organisationId = '', personId = '' } = useParams();
  return <Navigate to={`/o/${organisationId}/staff/${personId}`} replace />;
}

/** "/" sends everyone where they belong: setup, sign-in, enrolment or their organisation. */
function Home() {
  const session = useSession();
  if (session.isPending) return <PageLoader />;
  if (session.error) return <ErrorAlert error={session.error} />;
  const data = session.data;
  if (data.state === 'anonymous') return <Navigate to={data.setupNeeded ? '/setup' : '/login'} replace />;
  if (data.state === 'password_ok') return <Navigate to="/login" replace />;
  if (data.state === 'enrolling') return <Navigate to="/enrol" replace />;
  if (!data.currentOrganisationId) return <NoOrganisationPage />;
  return <Navigate to={homeOf(data)} replace />;
}

/** The signed-in part; anyone else goes to the sign-in and comes back afterwards. */
function SignedIn() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (session.error) return <ErrorAlert error={session.error} />;
  if (session.data.state !== 'active') {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <AppLayout session={session.data} />;
}

/** The landing page of an organisation: where it stands, then its master data (also at /organisation). */
function OrganisationHome() {
  return (
    <Stack gap={48}>
      <DashboardPage />
      <OverviewPage />
    </Stack>
  );
}

export const router = createBrowserRouter([
  { path: '/', element: <Home /> },
  { path: '/setup', element: <SetupWizardPage /> },
  { path: '/login', element: <LoginPage /> },
  { path: '/enrol', element: <EnrolPage /> },
  { path: '/password-reset', element: <PasswordResetRequestPage /> },
  { path: '/password-reset/:token', element: <PasswordResetConfirmPage /> },
  { path: '/invite/:token', element: <InvitePage /> },
  { path: '/training-confirmation/:token', element: <TrainingConfirmationPage /> },
  { path: '/schnellcheck', element: <QuickCheckPage /> },
  { path: '/phishing/lernen/:token', element: <LessonPage /> },
  { path: '/phishing/gemeldet/:token', element: <ReportedPage /> },
  { path: '/schnellcheck/uebernehmen', element: <QuickCheckCarryPage /> },
  {
    path: '/o/:organisationId',
    element: <SignedIn />,
    children: [
      { index: true, element: <OrganisationHome /> },
      { path: 'organisation', element: <OverviewPage /> },
      { path: 'applicability', element: <ApplicabilityPage /> },
      { path: 'plan', element: <RoadmapPage /> },
      { path: 'catalog', element: <CatalogPage /> },
      { path: 'catalog/:requirementId', element: <RequirementPage /> },
      { path: 'incidents', element: <IncidentListPage /> },
      { path: 'incidents/new', element: <ReportIncidentPage /> },
      { path: 'incidents/:incidentId', element: <IncidentPage /> },
      { path: 'incidents/:incidentId/assessment', element: <AssessmentPage /> },
      { path: 'registration', element: <RegistrationPage /> },
      { path: 'assets', element: <AssetsPage /> },
      { path: 'assets/:assetId', element: <AssetPage /> },
      { path: 'suppliers', element: <SuppliersPage /> },
      { path: 'suppliers/:supplierId', element: <SupplierPage /> },
      { path: 'staff', element: <StaffPage /> },
      { path: 'staff/:personId', element: <StaffPersonPage /> },
      { path: 'training', element: <TrainingPage /> },
      { path: 'training/courses/:courseId', element: <CoursePage /> },
      { path: 'training/sessions/:sessionId', element: <SessionPage /> },
      { path: 'phishing', element: <PhishingPage /> },
      { path: 'phishing/new', element: <NewCampaignPage /> },
      { path: 'phishing/settings', element: <PhishingSettingsPage /> },
      { path: 'phishing/:campaignId', element: <CampaignPage /> },
      { path: 'access', element: <AccessPage /> },
      { path: 'access/checklists', element: <ChecklistTemplatesPage /> },
      { path: 'access/people/:personId', element: <ToStaffPerson /> },
      { path: 'risks', element: <RisksPage /> },
      { path: 'risks/templates', element: <RiskTemplatesPage /> },
      { path: 'risks/:riskId', element: <RiskPage /> },
      { path: 'management', element: <ManagementPage /> },
      { path: 'management/:personId', element: <DirectorPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'tasks/templates', element: <TaskTemplatesPage /> },
      { path: 'tasks/:taskId', element: <TaskPage /> },
      { path: 'documents', element: <DocumentsPage /> },
      { path: 'documents/:kind', element: <DocumentPage /> },
      { path: 'api-tokens', element: <IntakeTokensPage /> },
      { path: 'locations', element: <LocationsPage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'outbox', element: <OutboxPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'new-organisation', element: <CreateOrganisationPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);

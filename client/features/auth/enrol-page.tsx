import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { EnrolmentPanel } from '../../components/enrolment-panel.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { homeOf } from '../../lib/home-of.ts';
import { useSession } from './auth.api.ts';

/** A session that still has to set up two-factor sign-in (e.g. after a reload during enrolment). */
export function EnrolPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  if (session.isPending) return <PageLoader />;
  if (session.data?.state !== 'enrolling') return <Navigate to="/" replace />;
  return (
    <PublicLayout title={t('enrol.title')} intro={t('enrol.loginIntro')} width={680}>
      <EnrolmentPanel onDone={(next) => navigate(homeOf(next), { replace: true })} />
    </PublicLayout>
  );
}

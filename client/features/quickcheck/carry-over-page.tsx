import { Navigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useSession } from '../auth/auth.api.ts';

const HERE = '/schnellcheck/uebernehmen';

/**
 * "In neue Organisation übernehmen": the first-run setup on a fresh installation, otherwise the form for a new
 * organisation of the signed-in person (after the sign-in when needed). Both show the carried answers and send them.
 */
export function QuickCheckCarryPage() {
  const session = useSession();
  if (session.isPending) return <PageLoader />;
  if (session.error) return <ErrorAlert error={session.error} />;
  const data = session.data;
  if (data.state === 'anonymous') return <Navigate to={data.setupNeeded ? '/setup' : `/login?next=${encodeURIComponent(HERE)}`} replace />;
  if (data.state === 'enrolling') return <Navigate to="/enrol" replace />;
  if (data.state !== 'active') return <Navigate to={`/login?next=${encodeURIComponent(HERE)}`} replace />;
  // Without an organisation the start page offers the same form.
  return <Navigate to={data.currentOrganisationId ? `/o/${data.currentOrganisationId}/new-organisation` : '/'} replace />;
}

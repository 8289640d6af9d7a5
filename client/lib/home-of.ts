import type { Session } from '../features/auth/auth.api.ts';

/** Where a person lands: their current organisation when signed in, otherwise the start page. */
export function homeOf(session: Session): string {
  return session.state === 'active' && session.currentOrganisationId ? `/o/${session.currentOrganisationId}` : '/';
}

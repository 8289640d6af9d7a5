import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { permissionsOf } from '../../app/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { useMembers } from '../users/users.api.ts';
import { PlanSection } from './plan-section.tsx';
import { ProposalSection } from './proposal-section.tsx';
import { type RoadmapProposal, useRoadmapPlan, useRoadmapProposal } from './roadmap.api.ts';

/** Which plan this is: NIS2 and KBV, KBV only, or NIS2 not checked yet; with the hints that go with it. */
function ScopeNotes({ organisationId, scope }: { organisationId: string; scope: RoadmapProposal['scope'] }) {
  const { t } = useTranslation();
  const toCheck = (
    <Anchor component={Link} to={`/o/${organisationId}/applicability`} size="sm" data-testid="roadmap-to-check">
      {t('roadmap.scope.toCheck')}
    </Anchor>
  );
  return (
    <Stack gap="sm">
      {scope.nis2 === 'in_scope' && scope.nis2Category && (
        <Alert color="blue" variant="light" data-testid="roadmap-scope-nis2">
          <Text size="sm">{t('roadmap.scope.nis2', { category: t(`nis2Category.${scope.nis2Category}`) })}</Text>
        </Alert>
      )}
      {scope.nis2 === 'not_in_scope' && (
        <Alert color="teal" variant="light" data-testid="roadmap-scope-kbv-only">
          <Text size="sm">{t('roadmap.scope.kbvOnly')}</Text>
        </Alert>
      )}
      {(scope.nis2 === 'not_assessed' || !scope.kbvAssessed) && (
        <Alert color="orange" variant="light" data-testid="roadmap-scope-missing">
          <Stack gap={4}>
            {scope.nis2 === 'not_assessed' && <Text size="sm">{t('roadmap.scope.nis2Missing')}</Text>}
            {!scope.kbvAssessed && <Text size="sm">{t('roadmap.scope.kbvMissing')}</Text>}
            <div>{toCheck}</div>
          </Stack>
        </Alert>
      )}
      {scope.kbvAssessed && !scope.kbvGuidelineApplies && (
        <Alert color="gray" variant="light">
          <Text size="sm">{t('roadmap.scope.kbvVoluntary')}</Text>
        </Alert>
      )}
    </Stack>
  );
}

export function ScopeBadge({ scope }: { scope: RoadmapProposal['scope'] }) {
  const { t } = useTranslation();
  const [label, color] =
    scope.nis2 === 'in_scope'
      ? [t('roadmap.scope.badgeNis2'), 'blue']
      : scope.nis2 === 'not_in_scope'
        ? [t('roadmap.scope.badgeKbvOnly'), 'teal']
        : [t('roadmap.scope.badgeUnknown'), 'orange'];
  return (
    <Badge color={color} variant="light" size="lg" style={{ textTransform: 'none' }} data-testid="roadmap-scope-badge">
      {label}
    </Badge>
  );
}

/**
 * The 8-week plan: the proposal (eight weeks, each task with its reason and legal basis, owner and date, to take over
 * or leave out) and below it the plan as taken over, with progress per week and links to the tasks.
 */
export function RoadmapPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const proposal = useRoadmapProposal(organisationId);
  const plan = useRoadmapPlan(organisationId);
  const members = useMembers(organisationId);

  if (organisation.isPending || proposal.isPending || plan.isPending || members.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  if (proposal.error) return <ErrorAlert error={proposal.error} />;
  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (members.error) return <ErrorAlert error={members.error} />;
  const canEdit = permissionsOf(organisation.data.me).editPlan;
  const nis2InScope = proposal.data.scope.nis2 === 'in_scope';

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('roadmap.title')}
        description={t('roadmap.description')}
        actions={
          <Group>
            <ScopeBadge scope={proposal.data.scope} />
          </Group>
        }
      />
      <ScopeNotes organisationId={organisationId} scope={proposal.data.scope} />
      <ProposalSection organisationId={organisationId} proposal={proposal.data} members={members.data} canEdit={canEdit} nis2InScope={nis2InScope} />
      <PlanSection organisationId={organisationId} plan={plan.data} nis2InScope={nis2InScope} />
    </Stack>
  );
}

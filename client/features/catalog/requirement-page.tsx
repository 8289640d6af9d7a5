import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { permissionsOf } from '../../app/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { currentLocale } from '../../lib/i18n.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { useRequirement } from './catalog.api.ts';
import { EvidenceCard } from './evidence-card.tsx';
import { ORGANISATION, RequirementAbout, ScopePicker } from './requirement-about.tsx';
import { RequirementAssetWarnings } from './requirement-assets.tsx';
import { RequirementGuidance } from './requirement-guidance.tsx';
import { RequirementSupplierWarnings } from './requirement-suppliers.tsx';
import { StatusForm, StatusView } from './status-form.tsx';

export function RequirementPage() {
  const { t } = useTranslation();
  const { organisationId = '', requirementId = '' } = useParams();
  const requirement = useRequirement(organisationId, requirementId);
  const organisation = useOrganisation(organisationId);
  const [scope, setScope] = useState<string>(ORGANISATION);

  if (requirement.isPending || organisation.isPending) return <PageLoader />;
  if (requirement.error) return <ErrorAlert error={requirement.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const r = requirement.data;
  const canEdit = permissionsOf(organisation.data.me).editRequirements;
  const locationId = scope === ORGANISATION ? null : scope;
  const entry = r.entries.find((e) => e.locationId === locationId) ?? null;
  const locale = currentLocale();

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/catalog`} size="sm">
        ← {t('catalog.back')}
      </Anchor>
      <Stack gap={4}>
        <Text c="dimmed" size="sm">
          {r.reference}
        </Text>
        <Title order={1} size="h2">
          {locale === 'de' ? r.titleDe : r.titleEn}
        </Title>
      </Stack>
      <RequirementAbout requirement={r} />
      <RequirementGuidance organisationId={organisationId} requirement={r} />
      <RequirementAssetWarnings organisationId={organisationId} requirementId={r.id} />
      <RequirementSupplierWarnings organisationId={organisationId} requirementId={r.id} />
      <Card withBorder padding="lg">
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('requirement.statusTitle')}
          </Title>
          {r.locations.length > 1 && <ScopePicker requirement={r} value={scope} onChange={setScope} />}
          {canEdit ? (
            <StatusForm key={scope} organisationId={organisationId} requirementId={r.id} locationId={locationId} entry={entry} />
          ) : (
            <StatusView entry={entry} organisationId={organisationId} />
          )}
        </Stack>
      </Card>
      <EvidenceCard organisationId={organisationId} requirement={r} locationId={locationId} canEdit={canEdit} />
    </Stack>
  );
}

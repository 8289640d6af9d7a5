import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { assetWarningRequirements } from '../../../domain/assets/asset-warnings.ts';
import { assetWarningKinds } from '../../../domain/assets/assets.schema.ts';
import { useAssetSummary } from '../assets/assets.api.ts';

/** Register warnings that concern this requirement (e.g. admin logins without MFA for § 30 Nr. 10), with a link to them. */
export function RequirementAssetWarnings({ organisationId, requirementId }: { organisationId: string; requirementId: string }) {
  const { t } = useTranslation();
  const relevant = assetWarningKinds.filter((kind) => assetWarningRequirements[kind].includes(requirementId));
  const summary = useAssetSummary(organisationId);
  if (relevant.length === 0 || !summary.data) return null;
  const found = relevant.filter((kind) => summary.data.warnings[kind] > 0);
  if (found.length === 0) return null;
  return (
    <Alert color="orange" title={t('assets.onRequirement.title')} data-testid="requirement-asset-warnings">
      <Stack gap={4}>
        {found.map((kind) => (
          <Text size="sm" key={kind}>
            <Anchor component={Link} to={`/o/${organisationId}/assets?warning=${kind}`} size="sm" c="dark.8" fw={500}>
              {t('assets.onRequirement.line', { count: summary.data.warnings[kind], warning: t(`assets.warningFilter.${kind}`) })}
            </Anchor>
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

import { Alert, Anchor, Badge, Card, Grid, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RequirementStartText } from '../../components/requirement-start.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { currentLocale } from '../../lib/i18n.ts';
import type { RequirementDetail } from './catalog.api.ts';

/** The scope value meaning "the whole organisation" rather than one location. */
export const ORGANISATION = 'organisation';

export function RequirementAbout({ requirement: r }: { requirement: RequirementDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const targetObject = locale === 'de' ? r.targetObjectDe : r.targetObjectEn;
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light">{r.framework === 'kbv' ? t('catalog.kbv') : t('catalog.nis2')}</Badge>
          {r.annex !== null && <Badge variant="outline">{t('catalog.annex', { annex: r.annex })}</Badge>}
          {r.applicable ? (
            <Badge color={r.mandatory ? 'red' : 'yellow'} variant="light">
              {r.mandatory ? t('requirement.mandatory') : t('requirement.notYetMandatory')}
            </Badge>
          ) : (
            <Badge color="gray" variant="outline">
              {t('catalog.notApplicable')}
            </Badge>
          )}
          {r.newInRevision && (
            <Badge color="blue" variant="dot">
              {t('catalog.new')}
            </Badge>
          )}
        </Group>
        <Text>{locale === 'de' ? r.summaryDe : r.summaryEn}</Text>
        {r.summaryConfidence === 'inferred' && (
          <Text size="sm" c="dimmed" data-testid="inferred-note">
            {t('requirement.inferred')}
            {r.sourceUrl && (
              <>
                {' '}
                <Anchor href={r.sourceUrl} target="_blank" rel="noreferrer" size="sm">
                  {t('requirement.source')}
                </Anchor>
              </>
            )}
          </Text>
        )}
        <Grid gap="sm">
          {targetObject && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Text size="sm" c="dimmed">
                {t('requirement.targetObject')}
              </Text>
              <Text size="sm">{targetObject}</Text>
            </Grid.Col>
          )}
          {r.effectiveFrom && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Text size="sm" c="dimmed">
                {t('requirement.effective')}
              </Text>
              <RequirementStartText requirement={r} />
            </Grid.Col>
          )}
        </Grid>
        <Alert color={r.applicable ? 'teal' : 'gray'} variant="light" title={r.applicable ? t('requirement.whyApplies') : t('requirement.whyNot')}>
          {r.reason[locale]}
          {r.reason.legalBasis.length > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {r.reason.legalBasis.join('; ')}
            </Text>
          )}
        </Alert>
      </Stack>
    </Card>
  );
}

export function ScopePicker({ requirement: r, value, onChange }: { requirement: RequirementDetail; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const statusOf = (locationId: string | null) => r.entries.find((e) => e.locationId === locationId)?.status;
  const organisationWide = statusOf(null) ?? 'open';
  return (
    <Stack gap="xs">
      <Select
        label={t('requirement.scope')}
        description={t('requirement.scopeHint')}
        allowDeselect={false}
        value={value}
        onChange={(next) => next && onChange(next)}
        data={[
          { value: ORGANISATION, label: `${t('requirement.wholeOrganisation')} · ${t(`requirementStatus.${organisationWide}`)}` },
          ...r.locations.map((l) => ({ value: l.id, label: `${l.name} · ${t(`requirementStatus.${statusOf(l.id) ?? organisationWide}`)}` })),
        ]}
        maw={480}
      />
      <Group gap="sm">
        {r.locations.map((l) => (
          <Group key={l.id} gap={6} wrap="nowrap">
            <Text size="sm">{l.name}:</Text>
            <StatusBadge status={statusOf(l.id) ?? organisationWide} />
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

import { Alert, Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { typedAwu } from '../../../domain/compliance/staff-figure.ts';
import type { Explanation, LegalSource } from '../../../domain/kbv/explanation.ts';
import { KBV_GUIDELINE_URL } from '../../../domain/kbv/practice-size.ts';
import { formatEuro, formatFigure } from '../../components/money.ts';
import { formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import type { Applicability, StoredKbvCheck, StoredNis2Check } from './applicability.api.ts';

const BSIG_URL = 'https://www.gesetze-im-internet.de/bsig_2025/__28.html';

const categoryColor = { particularly_important: 'red', important: 'orange', not_affected: 'teal' } as const;

function Reasons({ items }: { items: Explanation[] }) {
  const locale = currentLocale();
  return (
    <List spacing={6} size="sm">
      {items.map((reason) => (
        <List.Item key={reason.code + JSON.stringify(reason.params)}>
          {reason[locale]}
          {reason.legalBasis.length > 0 && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({reason.legalBasis.join('; ')})
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

function Sources({ sources }: { sources: LegalSource[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('applicability.result.legalBasis')}
      </Text>
      <List size="sm" spacing={2}>
        {sources.map((source) => (
          <List.Item key={source.citation}>
            <Anchor href={source.url} target="_blank" rel="noreferrer" size="sm">
              {source.citation}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function Nis2Result({ check }: { check: StoredNis2Check }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const result = check.result;
  return (
    <Card withBorder padding="lg" data-testid="nis2-result">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 300px' }}>
            <Text size="sm" c="dimmed">
              {t('applicability.result.nis2Title', { year: check.financialYear ?? '–' })}
            </Text>
            <Title order={2} size="h3" data-testid="nis2-headline">
              {/* § 28(3) BSIG: not affected as a healthcare provider, which is not the same as not affected at all. */}
              {result.reasons.some((r) => r.code === 'nis2.negligible_activity')
                ? t('applicability.result.headlineNegligible')
                : t(`applicability.result.headline.${result.category}`)}
            </Title>
          </Stack>
          <Badge size="lg" color={categoryColor[result.category]} variant="light">
            {t(`nis2Category.${result.category}`)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Figure label={t('applicability.result.staffAwu')} value={`${formatFigure(result.aggregated.staffAwu)} ${t('applicability.result.awuUnit')}`} />
          <Figure label={t('applicability.result.turnover')} value={formatEuro(result.aggregated.annualTurnoverEur)} />
          <Figure label={t('applicability.result.balanceSheet')} value={formatEuro(result.aggregated.balanceSheetTotalEur)} />
        </SimpleGrid>
        <RegisterFigure inputs={check.inputs} kind="awu" typed={typedAwu(check.inputs)} />
        {result.warnings.map((warning) => (
          <Alert key={warning.code + JSON.stringify(warning.params)} color="yellow" variant="light" title={t('applicability.result.warning')}>
            {warning[locale]}
            {warning.legalBasis.length > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {warning.legalBasis.join('; ')}
              </Text>
            )}
          </Alert>
        ))}
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('applicability.result.reasons')}
          </Text>
          <Reasons items={result.reasons} />
        </Stack>
        <Text size="sm">
          {result.maxFineEur === null ? (
            t('applicability.result.noFine')
          ) : (
            <>
              {t('applicability.result.fine')}{' '}
              <Text span fw={700} data-testid="nis2-fine">
                {formatEuro(result.maxFineEur)}
              </Text>{' '}
              <Text span size="xs" c="dimmed">
                (§ 65 BSIG)
              </Text>
            </>
          )}
        </Text>
        <Sources sources={result.legalBasis} />
        <Text size="xs" c="dimmed">
          {t('applicability.result.checkedAt', { date: formatDateTime(check.checkedAt) })}
        </Text>
      </Stack>
    </Card>
  );
}

export function KbvResultCard({ check }: { check: StoredKbvCheck }) {
  const { t } = useTranslation();
  const result = check.result;
  return (
    <Card withBorder padding="lg" data-testid="kbv-result">
      <Stack gap="md">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('applicability.result.kbvTitle')}
          </Text>
          <Title order={2} size="h3" data-testid="kbv-headline">
            {t(`practiceSize.${result.size}`)}
            {' · '}
            {t('applicability.result.annexes', { annexes: result.annexes.join(', ') })}
          </Title>
          <Text size="sm">{result.guidelineApplies ? t('applicability.result.guidelineBinding') : t('applicability.result.guidelineVoluntary')}</Text>
          <RegisterFigure inputs={check.inputs} kind="kbvPersons" typed={Number(check.inputs.personsHandlingData)} />
        </Stack>
        <Group gap="xs">
          {[1, 2, 3, 4, 5].map((annex) => (
            <Badge key={annex} variant={result.annexes.includes(annex) ? 'filled' : 'outline'} color={result.annexes.includes(annex) ? 'teal' : 'gray'}>
              {t('catalog.annex', { annex })}
            </Badge>
          ))}
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('applicability.result.reasons')}
          </Text>
          <Reasons items={result.reasons} />
        </Stack>
        <Sources sources={result.legalBasis} />
        <Text size="xs" c="dimmed">
          {t('applicability.result.checkedAt', { date: formatDateTime(check.checkedAt) })}
        </Text>
      </Stack>
    </Card>
  );
}

/**
 * The figure typed beside the people register's figure when they differ, with the reason stored with the check (issue
 * 10: derived from the register, overridable with a reason). Nothing while the register counted nobody.
 */
function RegisterFigure({ inputs, typed, kind }: { inputs: Record<string, unknown>; typed: number; kind: 'kbvPersons' | 'awu' }) {
  const { t } = useTranslation();
  const register = inputs.staffRegister as { kind?: string; value?: number; counted?: number } | undefined;
  if (!register || register.kind !== kind || !register.counted || typeof register.value !== 'number') return null;
  const reason = typeof inputs.overrideReason === 'string' ? inputs.overrideReason : null;
  const format = (n: number) => (kind === 'awu' ? formatFigure(n) : String(n));
  return (
    <Text size="sm" data-testid={`register-figure-${kind}`}>
      {reason
        ? t('applicability.result.registerOverridden', { typed: format(typed), register: format(register.value), reason })
        : t('applicability.result.registerTaken', { register: format(register.value), count: register.counted })}
    </Text>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm" bg="gray.0">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Card>
  );
}

/** Our results are a summary; the statute and the guideline decide. */
export function SourceNote() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('applicability.result.sourceNote')}{' '}
      <Anchor href={BSIG_URL} target="_blank" rel="noreferrer" size="sm">
        § 28 BSIG
      </Anchor>
      {' · '}
      <Anchor href={KBV_GUIDELINE_URL} target="_blank" rel="noreferrer" size="sm">
        {t('applicability.result.kbvGuideline')}
      </Anchor>
    </Text>
  );
}

/** The stored results, newest of each kind, or a note that there are none. */
export function Results({ stored }: { stored: Applicability }) {
  const { t } = useTranslation();
  if (!stored.nis2 && !stored.kbv) return <Text c="dimmed">{t('applicability.noResult')}</Text>;
  return (
    <Stack gap="md">
      {stored.nis2 && <Nis2Result check={stored.nis2} />}
      {stored.kbv && <KbvResultCard check={stored.kbv} />}
      <SourceNote />
    </Stack>
  );
}

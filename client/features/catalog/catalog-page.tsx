import { Anchor, Badge, Card, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { requirementStatuses } from '../../../domain/compliance/requirement-status.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDate } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useMembers } from '../users/users.api.ts';
import { type CatalogRequirement, useCatalog } from './catalog.api.ts';

/** Filters live in the address, so "back" from a requirement returns to the same list. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = {
    framework: params.get('framework') ?? 'all',
    annex: params.get('annex'),
    status: params.get('status'),
    applicableOnly: params.get('applicable') !== '0',
    mandatoryOnly: params.get('mandatory') === '1',
    overdueOnly: params.get('overdue') === '1',
    search: params.get('q') ?? '',
  };
  const set = (key: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  return { filters, set };
}

export function CatalogPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const catalog = useCatalog(organisationId);
  const members = useMembers(organisationId);
  const { filters, set } = useFilters();
  const locale = currentLocale();

  const visible = useMemo(() => {
    const needle = filters.search.trim().toLocaleLowerCase();
    return (catalog.data?.requirements ?? []).filter(
      (r) =>
        (filters.framework === 'all' || r.framework === filters.framework) &&
        (!filters.annex || String(r.annex) === filters.annex) &&
        (!filters.status || r.status === filters.status) &&
        (!filters.applicableOnly || r.applicable) &&
        (!filters.mandatoryOnly || r.mandatory) &&
        (!filters.overdueOnly || r.overdue) &&
        (!needle || [r.titleDe, r.titleEn, r.summaryDe, r.summaryEn, r.reference].some((text) => text.toLocaleLowerCase().includes(needle))),
    );
  }, [catalog.data, filters.framework, filters.annex, filters.status, filters.applicableOnly, filters.mandatoryOnly, filters.overdueOnly, filters.search]);

  if (catalog.isPending) return <PageLoader />;
  if (catalog.error) return <ErrorAlert error={catalog.error} />;
  const ownerName = (userId: string | null) => (userId ? (members.data?.find((m) => m.userId === userId)?.name ?? '–') : '–');
  const base = `/o/${organisationId}/catalog`;
  const detail = (r: CatalogRequirement) => `${base}/${r.id}`;
  const title = (r: CatalogRequirement) => (locale === 'de' ? r.titleDe : r.titleEn);

  return (
    <Stack gap="lg">
      <PageHeader title={t('catalog.title')} description={t('catalog.description')} />
      {!catalog.data.profile.assessed && (
        <Text size="sm" c="dimmed">
          {t('catalog.notAssessed')}{' '}
          <Anchor component={Link} to={`/o/${organisationId}/applicability`} size="sm">
            {t('catalog.toCheck')}
          </Anchor>
        </Text>
      )}
      <Card withBorder padding="md">
        <Stack gap="sm">
          {/* The search gets a row of its own so that its example ("z. B. Backup") is never cut off. */}
          <TextInput
            label={t('catalog.search')}
            placeholder={t('catalog.searchPlaceholder')}
            value={filters.search}
            onChange={(e) => set('q', e.currentTarget.value)}
            maw={560}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Input.Wrapper label={t('catalog.framework')}>
              <SegmentedControl
                fullWidth
                aria-label={t('catalog.framework')}
                value={filters.framework}
                onChange={(value) => set('framework', value === 'all' ? null : value)}
                data={[
                  { value: 'all', label: t('catalog.all') },
                  { value: 'kbv', label: 'KBV' },
                  { value: 'nis2', label: 'NIS2' },
                ]}
              />
            </Input.Wrapper>
            <Select
              label={t('catalog.annexFilter')}
              placeholder={t('catalog.all')}
              clearable
              value={filters.annex}
              onChange={(value) => set('annex', value)}
              data={[1, 2, 3, 4, 5].map((annex) => ({ value: String(annex), label: t('catalog.annex', { annex }) }))}
            />
            <Select
              label={t('catalog.statusFilter')}
              placeholder={t('catalog.all')}
              clearable
              value={filters.status}
              onChange={(value) => set('status', value)}
              data={requirementStatuses.map((status) => ({ value: status, label: t(`requirementStatus.${status}`) }))}
            />
          </SimpleGrid>
          <Group gap="lg">
            <Switch
              label={t('catalog.applicableOnly')}
              checked={filters.applicableOnly}
              onChange={(e) => set('applicable', e.currentTarget.checked ? null : '0')}
            />
            <Switch
              label={t('catalog.mandatoryOnly')}
              checked={filters.mandatoryOnly}
              onChange={(e) => set('mandatory', e.currentTarget.checked ? '1' : null)}
            />
            <Switch label={t('catalog.overdueOnly')} checked={filters.overdueOnly} onChange={(e) => set('overdue', e.currentTarget.checked ? '1' : null)} />
          </Group>
        </Stack>
      </Card>
      <Text size="sm" c="dimmed" data-testid="catalog-count">
        {t('catalog.count', { count: visible.length, total: catalog.data.requirements.length })}
      </Text>
      {visible.length === 0 && <Text c="dimmed">{t('catalog.empty')}</Text>}

      {/* Wide screens: a table. Tablets and phones: one card per requirement. */}
      {visible.length > 0 && (
        <Card withBorder padding={0} visibleFrom="md">
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="catalog-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('catalog.reference')}</Table.Th>
                <Table.Th>{t('catalog.requirement')}</Table.Th>
                <Table.Th w={130}>{t('catalog.status')}</Table.Th>
                <Table.Th w={140}>{t('catalog.owner')}</Table.Th>
                <Table.Th w={110}>{t('catalog.due')}</Table.Th>
                <Table.Th w={80}>{t('catalog.evidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((r) => (
                <Table.Tr key={r.id} data-testid={`requirement-row-${r.id}`}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {/* Keep "Nr. 4" and "Anlage 1" together when the cell wraps. */}
                      {r.reference.replace(/ (\d)/g, '\u00a0$1')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={detail(r)} fw={500} size="sm">
                      {title(r)}
                    </Anchor>
                    <Markers requirement={r} today={catalog.data.today} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{ownerName(r.ownerUserId)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={r.overdue ? 'red' : undefined} fw={r.overdue ? 600 : undefined}>
                      {r.dueDate ? formatDate(r.dueDate) : '–'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.evidenceCount}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Stack gap="sm" hiddenFrom="md" data-testid="catalog-cards">
        {visible.map((r) => (
          <Card key={r.id} withBorder padding="md" component={Link} to={detail(r)} style={{ color: 'inherit', textDecoration: 'none' }}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {r.reference}
                </Text>
                <Text fw={600} size="sm">
                  {title(r)}
                </Text>
              </Stack>
              <StatusBadge status={r.status} />
            </Group>
            <Markers requirement={r} today={catalog.data.today} />
            <Group gap="md" mt="xs">
              <Text size="xs" c="dimmed">
                {t('catalog.owner')}: {ownerName(r.ownerUserId)}
              </Text>
              <Text size="xs" c={r.overdue ? 'red' : 'dimmed'}>
                {t('catalog.due')}: {r.dueDate ? formatDate(r.dueDate) : '–'}
              </Text>
              <Text size="xs" c="dimmed">
                {t('catalog.evidence')}: {r.evidenceCount}
              </Text>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

/** Small badges under the title: not applicable (with the reason), overdue, binding only from a later date, new. */
function Markers({ requirement: r, today }: { requirement: CatalogRequirement; today: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const upcoming = r.applicable && r.effectiveFrom && r.effectiveFrom > today;
  if (r.applicable && !r.overdue && !upcoming && !r.newInRevision) return null;
  return (
    <Stack gap={4} mt={4}>
      <Group gap={6}>
        {!r.applicable && (
          <Tooltip label={r.reason[locale]} multiline w={320} withArrow>
            <Badge color="gray" variant="outline" size="sm" data-testid="not-applicable-badge">
              {t('catalog.notApplicable')}
            </Badge>
          </Tooltip>
        )}
        {r.overdue && (
          <Badge color="red" variant="light" size="sm">
            {t('catalog.overdue')}
          </Badge>
        )}
        {upcoming && (
          <Badge color="yellow" variant="light" size="sm">
            {t('catalog.from', { date: formatDate(r.effectiveFrom) })}
          </Badge>
        )}
        {r.newInRevision && (
          <Badge color="blue" variant="dot" size="sm">
            {t('catalog.new')}
          </Badge>
        )}
      </Group>
      {!r.applicable && (
        <Text size="xs" c="dimmed">
          {r.reason[locale]}
        </Text>
      )}
    </Stack>
  );
}

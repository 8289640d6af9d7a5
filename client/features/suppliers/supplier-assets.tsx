import { Anchor, Badge, Button, Card, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useAssetOptions } from '../assets/assets.api.ts';
import { type SupplierDetail, useSetSupplierAssets } from './suppliers.api.ts';

/** The devices and services this supplier provides or looks after; the whole set is saved at once. */
export function SupplierAssetsCard({ organisationId, supplier, canEdit }: { organisationId: string; supplier: SupplierDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string[]>(() => supplier.assets.map((a) => a.id));
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const options = useAssetOptions(organisationId, q);
  const setAssets = useSetSupplierAssets(organisationId, supplier.id);
  // The names of what is linked already, then what the search found: a chosen asset keeps its label while searching.
  const names = new Map<string, string>(supplier.assets.map((a) => [a.id, a.name]));
  for (const asset of options.data?.items ?? []) names.set(asset.id, asset.name);
  const data = [...names].map(([value, label]) => ({ value, label }));
  const saved = supplier.assets.map((a) => a.id);
  const changed = selected.length !== saved.length || selected.some((id) => !saved.includes(id));

  return (
    <Card withBorder padding="lg" data-testid="supplier-assets">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('suppliers.assets.title')}
        </Title>
        {supplier.assets.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('suppliers.assets.none')}
          </Text>
        ) : (
          <Group gap="xs">
            {supplier.assets.map((asset) => (
              <Anchor key={asset.id} component={Link} to={`/o/${organisationId}/assets/${asset.id}`} underline="never">
                <Badge variant="light" size="lg" style={{ textTransform: 'none', cursor: 'pointer' }}>
                  {asset.name} · {t(`assets.kind.${asset.kind}`)}
                </Badge>
              </Anchor>
            ))}
          </Group>
        )}
        {canEdit && (
          <Group align="flex-end" gap="sm">
            <MultiSelect
              label={t('suppliers.assets.choose')}
              description={t('suppliers.assets.hint')}
              placeholder={t('suppliers.assets.placeholder')}
              nothingFoundMessage={t('suppliers.assets.nothingFound')}
              data={data}
              value={selected}
              onChange={setSelected}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: all }) => all}
              clearable
              style={{ flex: 1, minWidth: 240 }}
            />
            <Button
              variant="light"
              disabled={!changed}
              loading={setAssets.isPending}
              onClick={() => setAssets.mutate(selected)}
              data-testid="supplier-assets-save"
            >
              {t('suppliers.assets.save')}
            </Button>
          </Group>
        )}
        {setAssets.error && <ErrorAlert error={setAssets.error} />}
      </Stack>
    </Card>
  );
}

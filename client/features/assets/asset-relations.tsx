import { ActionIcon, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AssetRelationKind, assetRelationKinds } from '../../../domain/assets/assets.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { type AssetDetail, useAddRelation, useAssetOptions, useRemoveRelation } from './assets.api.ts';

/**
 * What the asset runs on, where its data is stored and who uses it, read in both directions: "PVS runs on Server"
 * shows on the server as "Server hosts PVS".
 */
export function AssetRelationsCard({ organisationId, asset, canEdit }: { organisationId: string; asset: AssetDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const add = useAddRelation(organisationId, asset.id);
  const remove = useRemoveRelation(organisationId, asset.id);
  const [kind, setKind] = useState<AssetRelationKind | null>(null);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const options = useAssetOptions(organisationId, q);
  const targets = (options.data?.items ?? [])
    .filter((o) => o.id !== asset.id)
    .map((o) => ({ value: o.id, label: `${o.name} (${t(`assets.kind.${o.kind}`)})` }));

  const submit = () => {
    if (!kind || !targetId) return;
    add.mutate(
      { kind, targetId },
      {
        onSuccess: () => {
          setKind(null);
          setTargetId(null);
          setSearch('');
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('assets.relations.title')}
        </Title>
        {asset.relations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('assets.relations.none')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" data-testid="asset-relations">
            <Table.Tbody>
              {asset.relations.map((relation) => {
                const outgoing = relation.sourceId === asset.id;
                const otherId = outgoing ? relation.targetId : relation.sourceId;
                return (
                  <Table.Tr key={relation.id}>
                    <Table.Td w={220}>
                      <Text size="sm" c="dimmed">
                        {t(`assets.relations.${outgoing ? 'out' : 'in'}.${relation.kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" component={Link} to={`/o/${organisationId}/assets/${otherId}`} c="blue.8">
                        {relation.otherName}
                      </Text>{' '}
                      <Text size="xs" c="dimmed" span>
                        {t(`assets.kind.${relation.otherKind}`)}
                      </Text>
                    </Table.Td>
                    {canEdit && (
                      <Table.Td w={40}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('assets.relations.remove', { name: relation.otherName })}
                          loading={remove.isPending && remove.variables === relation.id}
                          onClick={() => remove.mutate(relation.id)}
                        >
                          ✕
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {canEdit && (
          <Group align="flex-end" gap="sm">
            <Select
              label={t('assets.relations.kind')}
              placeholder={t('common.choose')}
              data={assetRelationKinds.map((k) => ({ value: k, label: t(`assets.relations.out.${k}`) }))}
              value={kind}
              onChange={(value) => setKind(value as AssetRelationKind | null)}
              w={{ base: '100%', sm: 220 }}
            />
            <Select
              label={t('assets.relations.target')}
              placeholder={t('assets.relations.targetPlaceholder')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: all }) => all}
              nothingFoundMessage={t('assets.relations.nothingFound')}
              data={targets}
              value={targetId}
              onChange={setTargetId}
              w={{ base: '100%', sm: 300 }}
            />
            <Button onClick={submit} disabled={!kind || !targetId} loading={add.isPending}>
              {t('assets.relations.add')}
            </Button>
          </Group>
        )}
        {(add.error || remove.error) && <ErrorAlert error={add.error ?? remove.error} />}
      </Stack>
    </Card>
  );
}

import { Alert, Anchor, Badge, Button, Card, Group, List, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { permissionsOf } from '../../app/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { AssetForm } from './asset-form.tsx';
import { AssetRelationsCard } from './asset-relations.tsx';
import { type AssetDetail, useAsset, useDeleteAsset } from './assets.api.ts';

/** One asset: its warnings with the requirements they affect, its details, and what it runs on or holds. */
export function AssetPage() {
  const { t } = useTranslation();
  const { organisationId = '', assetId = '' } = useParams();
  const navigate = useNavigate();
  const asset = useAsset(organisationId, assetId);
  const organisation = useOrganisation(organisationId);
  const remove = useDeleteAsset(organisationId, () => navigate(`/o/${organisationId}/assets`));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState<AssetDetail | null>(null);

  if (asset.isPending || organisation.isPending) return <PageLoader />;
  if (asset.error) return <ErrorAlert error={asset.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const a = asset.data;
  const org = organisation.data;
  const can = permissionsOf(org.me);
  const location = org.locations.find((l) => l.id === a.locationId);
  const answer = (value: boolean | null) => t(`assets.answer.${value === null ? 'unknown' : value ? 'yes' : 'no'}`);
  const facts: [string, string][] = [
    [t('assets.field.kind'), t(`assets.kind.${a.kind}`)],
    [t('assets.field.locationId'), location?.name ?? t('assets.noLocation')],
    [t('assets.field.owner'), a.owner],
    [t('assets.field.inventoryNumber'), a.inventoryNumber],
    [t('assets.field.protectionNeed'), t(`assets.protectionNeed.${a.protectionNeed}`)],
    [t('assets.field.manufacturer'), a.manufacturer],
    [t('assets.field.model'), a.model],
    [t('assets.field.version'), a.version],
    [t('assets.field.operatingSystem'), a.operatingSystem],
    [t('assets.field.networkSegment'), a.networkSegment],
    [t('assets.field.supportEndsOn'), a.supportEndsOn ? formatCalendarDate(a.supportEndsOn) : ''],
    [t('assets.field.lastPatchedOn'), a.lastPatchedOn ? formatCalendarDate(a.lastPatchedOn) : ''],
    [t('assets.field.adminMfa'), answer(a.adminMfa)],
    [t('assets.field.encryptedAtRest'), answer(a.encryptedAtRest)],
  ];

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/assets`} size="sm">
        ← {t('assets.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t(`assets.kind.${a.kind}`)}
          </Text>
          <Title order={1} size="h2">
            {a.name}
          </Title>
        </Stack>
        {can.editRegisters && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDeleting(a)}>
              {t('common.remove')}
            </Button>
          </Group>
        )}
      </Group>
      {a.warnings.map((warning) => (
        <Alert
          key={warning.kind}
          color={warning.kind === 'support_ending' ? 'orange' : 'red'}
          title={t(`assets.warning.${warning.kind}`, { count: Math.abs(warning.days ?? 0) })}
        >
          <Stack gap={6}>
            <Text size="sm">{t(`assets.warningText.${warning.kind}`)}</Text>
            <Group gap={6}>
              <Text size="sm">{t('assets.affects')}</Text>
              {warning.requirementIds.map((id) => (
                <Anchor key={id} component={Link} to={`/o/${organisationId}/catalog/${id}`} size="sm">
                  <Badge variant="outline" style={{ cursor: 'pointer', textTransform: 'none' }}>
                    {id}
                  </Badge>
                </Anchor>
              ))}
            </Group>
          </Stack>
        </Alert>
      ))}
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
          {facts.map(([label, value]) => (
            <Stack key={label} gap={0}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm">{value || '–'}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        {a.suppliers.length > 0 && (
          <Stack gap={0} mt="md" data-testid="asset-suppliers">
            <Text size="xs" c="dimmed">
              {t('assets.suppliers')}
            </Text>
            <Group gap="md">
              {a.suppliers.map((supplier) => (
                <Anchor key={supplier.id} component={Link} to={`/o/${organisationId}/suppliers/${supplier.id}`} size="sm">
                  {supplier.name}
                </Anchor>
              ))}
            </Group>
          </Stack>
        )}
        {a.notes && (
          <Stack gap={0} mt="md">
            <Text size="xs" c="dimmed">
              {t('assets.field.notes')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.notes}
            </Text>
          </Stack>
        )}
      </Card>
      <AssetRelationsCard organisationId={organisationId} asset={a} canEdit={can.editRegisters} />
      {a.warnings.length === 0 && (
        <List size="xs" c="dimmed">
          <List.Item>{t('assets.noWarningsHint')}</List.Item>
        </List>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('assets.edit')} size="xl">
        {editing && (
          <AssetForm organisationId={organisationId} asset={a} locations={org.locations} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />
        )}
      </Modal>
      <ConfirmModal
        subject={deleting}
        title={t('assets.removeTitle')}
        text={t('assets.removeText', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.remove')}
        mutation={remove}
        keyOf={(x) => x.id}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

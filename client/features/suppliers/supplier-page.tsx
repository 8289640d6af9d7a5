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
import { SupplierAssetsCard } from './supplier-assets.tsx';
import { SupplierAvvCard } from './supplier-avv.tsx';
import { SupplierForm } from './supplier-form.tsx';
import { useSupplierWarningTitle } from './supplier-warning-badges.tsx';
import { type SupplierDetail, supplierWarningColor, useDeleteSupplier, useSupplier } from './suppliers.api.ts';

/** One supplier: its warnings with the requirements they affect, its details, and the assets it provides. */
export function SupplierPage() {
  const { t } = useTranslation();
  const { organisationId = '', supplierId = '' } = useParams();
  const navigate = useNavigate();
  const supplier = useSupplier(organisationId, supplierId);
  const organisation = useOrganisation(organisationId);
  const remove = useDeleteSupplier(organisationId, () => navigate(`/o/${organisationId}/suppliers`));
  const warningTitle = useSupplierWarningTitle();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState<SupplierDetail | null>(null);

  if (supplier.isPending || organisation.isPending) return <PageLoader />;
  if (supplier.error) return <ErrorAlert error={supplier.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const s = supplier.data;
  const can = permissionsOf(organisation.data.me);
  const answer = (value: boolean | null) => t(`suppliers.answer.${value === null ? 'unknown' : value ? 'yes' : 'no'}`);
  const date = (value: string | null) => (value ? formatCalendarDate(value) : '');
  const facts: [string, string][] = [
    [t('suppliers.field.criticality'), t(`suppliers.criticality.${s.criticality}`)],
    [t('suppliers.field.nextReviewOn'), date(s.nextReviewOn)],
    [t('suppliers.field.patientDataAccess'), answer(s.patientDataAccess)],
    [t('suppliers.field.avvStatus'), s.avvStatus ? t(`suppliers.avvStatus.${s.avvStatus}`) : ''],
    [t('suppliers.field.avvSignedOn'), date(s.avvSignedOn)],
    [t('suppliers.field.cloudHealthData'), answer(s.cloudHealthData)],
    ...(s.cloudHealthData
      ? ([
          [t('suppliers.field.c5Basis'), s.c5Basis ? t(`suppliers.c5Basis.${s.c5Basis}`) : ''],
          [t('suppliers.field.c5Type'), s.c5Type ? t(`suppliers.c5Type.${s.c5Type}`) : ''],
          [t('suppliers.field.c5ReportDate'), date(s.c5ReportDate)],
          [t('suppliers.field.c5ValidUntil'), date(s.c5ValidUntil)],
          [t('suppliers.field.c5Scope'), s.c5Scope],
        ] as [string, string][])
      : []),
    [t('suppliers.field.securityAgreement'), answer(s.securityAgreement)],
    [t('suppliers.field.auditRights'), answer(s.auditRights)],
    [t('suppliers.field.contactName'), s.contactName],
    [t('suppliers.field.contactEmail'), s.contactEmail],
    [t('suppliers.field.contactPhone'), s.contactPhone],
    [t('suppliers.field.emergencyContact'), s.emergencyContact],
    [t('suppliers.field.emergencyPhone'), s.emergencyPhone],
  ];
  const longTexts: [string, string][] = [
    [t('suppliers.field.services'), s.services],
    [t('suppliers.field.subProcessors'), s.subProcessors],
    [t('suppliers.field.notes'), s.notes],
  ];

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/suppliers`} size="sm">
        ← {t('suppliers.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t('suppliers.kicker')}
          </Text>
          <Title order={1} size="h2">
            {s.name}
          </Title>
        </Stack>
        {can.editRegisters && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDeleting(s)}>
              {t('common.remove')}
            </Button>
          </Group>
        )}
      </Group>
      {s.warnings.map((warning) => (
        <Alert key={warning.kind} color={supplierWarningColor(warning.kind)} title={warningTitle(warning)} data-testid={`supplier-warning-${warning.kind}`}>
          <Stack gap={6}>
            <Text size="sm">{t(`suppliers.warningText.${warning.kind}`)}</Text>
            <Group gap={6}>
              <Text size="sm">{t('suppliers.affects')}</Text>
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
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {value || '–'}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {longTexts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <Stack key={label} gap={0} mt="md">
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {value}
              </Text>
            </Stack>
          ))}
      </Card>
      <SupplierAvvCard organisationId={organisationId} supplier={s} canEdit={can.editRegisters} />
      <SupplierAssetsCard key={s.assets.map((a) => a.id).join()} organisationId={organisationId} supplier={s} canEdit={can.editRegisters} />
      {s.warnings.length === 0 && (
        <List size="xs" c="dimmed">
          <List.Item>{t('suppliers.noWarningsHint')}</List.Item>
        </List>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('suppliers.edit')} size="xl">
        {editing && <SupplierForm organisationId={organisationId} supplier={s} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      </Modal>
      <ConfirmModal
        subject={deleting}
        title={t('suppliers.removeTitle')}
        text={t('suppliers.removeText', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.remove')}
        mutation={remove}
        keyOf={(x) => x.id}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

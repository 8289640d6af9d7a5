import { Button, Card, Grid, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { locationInputSchema } from '../../../domain/organisations/organisation.schema.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { emptyLocation } from '../../components/location-rows.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import type { LocationDraft } from '../setup/setup.api.ts';
import { type Location, useDeleteLocation, useOrganisation, useSaveLocation } from './organisations.api.ts';

export function formatAddress(location: Pick<Location, 'street' | 'postalCode' | 'city'>): string {
  const place = [location.postalCode, location.city].filter(Boolean).join(' ');
  return [location.street, place].filter(Boolean).join(', ');
}

export function LocationsPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const [editing, setEditing] = useState<Location | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Location | null>(null);
  const remove = useDeleteLocation(organisationId);

  if (organisation.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const org = organisation.data;
  const can = permissionsOf(org.me);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('locations.title')}
        description={t('locations.description')}
        actions={can.admin && <Button onClick={() => setEditing('new')}>{t('locations.add')}</Button>}
      />
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="sm" horizontalSpacing="md" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('locations.name')}</Table.Th>
                <Table.Th>{t('locations.address')}</Table.Th>
                {can.admin && <Table.Th w={200}>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {org.locations.map((location) => (
                <Table.Tr key={location.id}>
                  <Table.Td fw={500}>{location.name}</Table.Td>
                  <Table.Td>
                    {formatAddress(location) || (
                      <Text c="dimmed" span>
                        {t('locations.noAddress')}
                      </Text>
                    )}
                  </Table.Td>
                  {can.admin && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="compact-sm" variant="light" onClick={() => setEditing(location)}>
                          {t('common.edit')}
                        </Button>
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(location)}>
                          {t('common.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {!can.admin && (
        <Text size="sm" c="dimmed">
          {t('locations.adminOnly')}
        </Text>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('locations.add') : t('locations.edit')} size="lg">
        {editing !== null && <LocationForm organisationId={org.id} location={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmModal
        subject={deleting}
        title={t('locations.removeTitle')}
        text={t('locations.removeText', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.remove')}
        mutation={remove}
        keyOf={(location) => location.id}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

function LocationForm({ organisationId, location, onDone }: { organisationId: string; location: Location | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveLocation(organisationId);
  const schemaForm = useSchemaForm<LocationDraft>({
    schema: locationInputSchema,
    initialValues: location
      ? { name: location.name, street: location.street ?? '', postalCode: location.postalCode ?? '', city: location.city ?? '' }
      : emptyLocation(),
  });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => {
    save.mutate({ ...values, id: location?.id }, { onSuccess: onDone, onError: schemaForm.showError });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="sm">
        <Grid.Col span={12}>
          <TextInput label={t('locations.name')} description={t('locations.nameHint')} required data-autofocus {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput label={t('locations.street')} {...form.getInputProps('street')} />
        </Grid.Col>
        <Grid.Col span={{ base: 5, sm: 4 }}>
          <TextInput label={t('locations.postalCode')} inputMode="numeric" maxLength={5} {...form.getInputProps('postalCode')} />
        </Grid.Col>
        <Grid.Col span={{ base: 7, sm: 8 }}>
          <TextInput label={t('locations.city')} {...form.getInputProps('city')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <FormProblems form={schemaForm} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

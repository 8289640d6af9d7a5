import { Button, Grid, Group, Select, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AssetInput, assetInputSchema, assetKinds, protectionNeeds } from '../../../domain/assets/assets.schema.ts';
import { DateInput } from '../../components/date-input.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import type { Location } from '../organisations/organisations.api.ts';
import { type Asset, useSaveAsset } from './assets.api.ts';

type Answer = 'yes' | 'no' | 'unknown';

/** What the form holds: texts as typed, '' for an empty date or select, yes/no/unknown for the questions. */
export interface AssetValues extends Record<string, unknown> {
  name: string;
  kind: string;
  locationId: string;
  owner: string;
  inventoryNumber: string;
  manufacturer: string;
  model: string;
  version: string;
  operatingSystem: string;
  supportEndsOn: string;
  protectionNeed: string;
  lastPatchedOn: string;
  adminMfa: Answer;
  encryptedAtRest: Answer;
  networkSegment: string;
  notes: string;
}

const fromAnswer = (answer: Answer) => (answer === 'unknown' ? null : answer === 'yes');
const toAnswer = (value: boolean | null): Answer => (value === null ? 'unknown' : value ? 'yes' : 'no');

export function assetValues(asset: Asset | null): AssetValues {
  return {
    name: asset?.name ?? '',
    kind: asset?.kind ?? '',
    locationId: asset?.locationId ?? '',
    owner: asset?.owner ?? '',
    inventoryNumber: asset?.inventoryNumber ?? '',
    manufacturer: asset?.manufacturer ?? '',
    model: asset?.model ?? '',
    version: asset?.version ?? '',
    operatingSystem: asset?.operatingSystem ?? '',
    supportEndsOn: asset?.supportEndsOn ?? '',
    protectionNeed: asset?.protectionNeed ?? 'normal',
    lastPatchedOn: asset?.lastPatchedOn ?? '',
    adminMfa: toAnswer(asset?.adminMfa ?? null),
    encryptedAtRest: toAnswer(asset?.encryptedAtRest ?? null),
    networkSegment: asset?.networkSegment ?? '',
    notes: asset?.notes ?? '',
  };
}

/** The request body the form's values stand for; the shared schema checks exactly this. */
export function assetInputOf(values: AssetValues) {
  return {
    ...values,
    kind: values.kind || undefined,
    locationId: values.locationId || null,
    supportEndsOn: values.supportEndsOn || null,
    lastPatchedOn: values.lastPatchedOn || null,
    adminMfa: fromAnswer(values.adminMfa),
    encryptedAtRest: fromAnswer(values.encryptedAtRest),
  };
}

/**
 * Records or changes one device, service or piece of software. The shared schema checks each field on leaving it;
 * a change someone else saved meanwhile (409) is reported above the buttons and what was typed stays.
 */
export function AssetForm({
  organisationId,
  asset,
  locations,
  onSaved,
  onCancel,
}: {
  organisationId: string;
  asset: Asset | null;
  locations: Location[];
  onSaved: (saved: Asset) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveAsset(organisationId);
  const schemaForm = useSchemaForm<AssetValues>({ schema: assetInputSchema, initialValues: assetValues(asset), toInput: assetInputOf });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => {
    const input = assetInputSchema.parse(assetInputOf(values)) as AssetInput;
    save.mutate({ id: asset?.id, revision: asset?.revision, input }, { onSuccess: onSaved, onError: schemaForm.showError });
  });
  const answers = (['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: t(`assets.answer.${value}`) }));
  const text = (field: Extract<keyof AssetValues, string>) => ({ label: t(`assets.field.${field}`), ...form.getInputProps(field) });

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="sm">
        <Grid.Col span={12}>
          <Title order={3} size="h5">
            {t('assets.section.basics')}
          </Title>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput {...text('name')} description={t('assets.hint.name')} required data-autofocus />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('assets.field.kind')}
            description={t('assets.hint.kind')}
            required
            searchable
            data={assetKinds.map((kind) => ({ value: kind, label: t(`assets.kind.${kind}`) }))}
            {...form.getInputProps('kind')}
            onChange={(value) => form.setFieldValue('kind', value ?? '')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('assets.field.locationId')}
            placeholder={t('assets.noLocation')}
            clearable
            data={locations.map((l) => ({ value: l.id, label: l.name }))}
            {...form.getInputProps('locationId')}
            onChange={(value) => form.setFieldValue('locationId', value ?? '')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput {...text('owner')} description={t('assets.hint.owner')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput {...text('inventoryNumber')} description={t('assets.hint.inventoryNumber')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('assets.field.protectionNeed')}
            description={t('assets.hint.protectionNeed')}
            allowDeselect={false}
            data={protectionNeeds.map((need) => ({ value: need, label: t(`assets.protectionNeed.${need}`) }))}
            {...form.getInputProps('protectionNeed')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Title order={3} size="h5" mt="sm">
            {t('assets.section.technology')}
          </Title>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput {...text('manufacturer')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput {...text('model')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput {...text('version')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput {...text('operatingSystem')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput {...text('networkSegment')} description={t('assets.hint.networkSegment')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Title order={3} size="h5" mt="sm">
            {t('assets.section.security')}
          </Title>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateInput label={t('assets.field.supportEndsOn')} description={t('assets.hint.supportEndsOn')} {...form.getInputProps('supportEndsOn')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateInput label={t('assets.field.lastPatchedOn')} description={t('assets.hint.lastPatchedOn')} {...form.getInputProps('lastPatchedOn')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('assets.field.adminMfa')}
            description={t('assets.hint.adminMfa')}
            allowDeselect={false}
            data={answers}
            {...form.getInputProps('adminMfa')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('assets.field.encryptedAtRest')}
            description={t('assets.hint.encryptedAtRest')}
            allowDeselect={false}
            data={answers}
            {...form.getInputProps('encryptedAtRest')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label={t('assets.field.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <FormProblems form={schemaForm} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="asset-save">
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

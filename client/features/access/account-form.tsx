import { Button, Checkbox, Grid, Group, Select, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountInput, accountInputSchema, accountStatuses, accountSystems } from '../../../domain/access/access.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useAssetOptions } from '../assets/assets.api.ts';
import { type Account, useSaveAccount } from './access.api.ts';

type Answer = 'yes' | 'no' | 'unknown';

/** What the form holds: '' for no asset, yes/no/unknown for MFA. */
interface AccountValues extends Record<string, unknown> {
  system: string;
  assetId: string;
  accountName: string;
  isAdmin: boolean;
  mfa: Answer;
  status: string;
  notes: string;
}

const toAnswer = (value: boolean | null): Answer => (value === null ? 'unknown' : value ? 'yes' : 'no');

function valuesOf(account: Account | null): AccountValues {
  return {
    system: account?.system ?? '',
    assetId: account?.assetId ?? '',
    accountName: account?.accountName ?? '',
    isAdmin: account?.isAdmin ?? false,
    mfa: toAnswer(account?.mfa ?? null),
    status: account?.status ?? 'active',
    notes: account?.notes ?? '',
  };
}

/** The request body the values stand for (the status is sent beside it on a change). */
function inputOf({ status: _status, ...values }: AccountValues) {
  return { ...values, system: values.system || undefined, assetId: values.assetId || null, mfa: values.mfa === 'unknown' ? null : values.mfa === 'yes' };
}

/**
 * Records or changes one account of a person: never a password or PIN. The shared schema checks each field; a change
 * someone else saved meanwhile (409) is reported above the buttons and what was typed stays.
 */
export function AccountForm({
  organisationId,
  personId,
  account,
  onDone,
}: {
  organisationId: string;
  personId: string;
  account: Account | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveAccount(organisationId, personId);
  const [assetSearch, setAssetSearch] = useState('');
  const [q] = useDebouncedValue(assetSearch.trim(), 250);
  const assets = useAssetOptions(organisationId, q);
  const schemaForm = useSchemaForm<AccountValues>({ schema: accountInputSchema, initialValues: valuesOf(account), toInput: inputOf });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => {
    const input = accountInputSchema.parse(inputOf(values)) as AccountInput;
    save.mutate(
      { id: account?.id, revision: account?.revision, status: values.status as Account['status'], input },
      { onSuccess: onDone, onError: schemaForm.showError },
    );
  });
  const field = (name: Extract<keyof AccountValues, string>) => ({ label: t(`access.field.${name}`), ...form.getInputProps(name) });
  // The linked asset keeps its label while the search shows others.
  const assetData = new Map<string, string>(account?.assetId && account.assetName ? [[account.assetId, account.assetName]] : []);
  for (const asset of assets.data?.items ?? []) assetData.set(asset.id, asset.name);
  const half = { base: 12, sm: 6 };

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="sm">
        <Grid.Col span={half}>
          <Select
            {...field('system')}
            required
            data-autofocus
            allowDeselect={false}
            data-testid="account-system"
            data={accountSystems.map((s) => ({ value: s, label: t(`access.system.${s}`) }))}
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextInput {...field('accountName')} description={t('access.hint.accountName')} autoComplete="off" data-testid="account-name" />
        </Grid.Col>
        <Grid.Col span={12}>
          <Select
            {...field('assetId')}
            description={t('access.hint.assetId')}
            placeholder={t('access.notSet')}
            searchable
            clearable
            searchValue={assetSearch}
            onSearchChange={setAssetSearch}
            data={[...assetData].map(([value, label]) => ({ value, label }))}
            onChange={(value) => form.setFieldValue('assetId', value ?? '')}
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <Checkbox
            mt="xs"
            label={t('access.field.isAdmin')}
            description={t('access.hint.isAdmin')}
            data-testid="account-admin"
            {...form.getInputProps('isAdmin', { type: 'checkbox' })}
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <Select
            {...field('mfa')}
            description={t('access.hint.mfa')}
            allowDeselect={false}
            data-testid="account-mfa"
            data={(['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: t(`access.mfa.${value}`) }))}
          />
        </Grid.Col>
        {account && (
          <Grid.Col span={half}>
            <Select {...field('status')} allowDeselect={false} data={accountStatuses.map((s) => ({ value: s, label: t(`access.status.${s}`) }))} />
          </Grid.Col>
        )}
        <Grid.Col span={12}>
          <Textarea {...field('notes')} autosize minRows={1} maxRows={4} />
        </Grid.Col>
        <Grid.Col span={12}>
          <FormProblems form={schemaForm} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="account-save">
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

import { Anchor, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createOrganisationSchema, type LegalForm } from '../../../domain/organisations/organisation.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { emptyLocation, LocationRows } from '../../components/location-rows.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { QuickCheckCarried } from '../../components/quick-check-carried.tsx';
import { legalFormOptions } from '../../lib/legal-forms.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useLogout, useSwitchOrganisation } from '../auth/auth.api.ts';
import { carriedQuickCheck, forgetCarriedQuickCheck } from '../quickcheck/quickcheck.api.ts';
import type { LocationDraft } from '../setup/setup.api.ts';
import { useCreateOrganisation } from './organisations.api.ts';

type Values = {
  name: string;
  legalForm: LegalForm | null;
  locations: LocationDraft[];
};

function CreateOrganisationForm() {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const switchOrganisation = useSwitchOrganisation();
  const navigate = useNavigate();
  const schemaForm = useSchemaForm<Values>({ schema: createOrganisationSchema, initialValues: { name: '', legalForm: null, locations: [emptyLocation()] } });
  const { form } = schemaForm;
  // Answers of the public quick check carried over ("In neue Organisation übernehmen"); the server scores them again.
  const [carried, setCarried] = useState(carriedQuickCheck);

  const submit = schemaForm.onSubmit((values) => {
    create.mutate(
      {
        name: values.name,
        legalForm: values.legalForm as LegalForm,
        locations: values.locations,
        ...(carried ? { quickCheck: carried.answerSet } : {}),
      },
      {
        onSuccess: ({ id }) => {
          if (carried) forgetCarriedQuickCheck({ answers: true });
          switchOrganisation.mutate(id, { onSettled: () => navigate(`/o/${id}`) });
        },
        onError: schemaForm.showError,
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {carried && (
          <QuickCheckCarried
            carried={carried}
            onDiscard={() => {
              forgetCarriedQuickCheck({ answers: false });
              setCarried(null);
            }}
          />
        )}
        <TextInput label={t('organisation.name')} required {...form.getInputProps('name')} />
        <Select
          label={t('organisation.legalForm')}
          placeholder={t('common.choose')}
          data={legalFormOptions(t)}
          allowDeselect={false}
          required
          {...form.getInputProps('legalForm')}
        />
        <Text fw={500}>{t('setup.locationsTitle')}</Text>
        <LocationRows
          prefix="locations"
          locations={form.values.locations}
          getInputProps={(path) => form.getInputProps(path)}
          onAdd={() => form.insertListItem('locations', emptyLocation())}
          onRemove={(index) => form.removeListItem('locations', index)}
        />
        <FormProblems form={schemaForm} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || switchOrganisation.isPending}>
            {t('newOrganisation.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreateOrganisationPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('newOrganisation.title')} description={t('newOrganisation.description')} />
      <Card withBorder padding="lg">
        <CreateOrganisationForm />
      </Card>
    </Stack>
  );
}

/** Signed in, but a member of no organisation (e.g. removed from the last one). */
export function NoOrganisationPage() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <PublicLayout title={t('newOrganisation.noneTitle')} intro={t('newOrganisation.noneText')} width={720}>
      <CreateOrganisationForm />
      <Text size="sm" mt="lg">
        <Anchor component="button" type="button" onClick={() => logout.mutate()}>
          {t('shell.logout')}
        </Anchor>
      </Text>
    </PublicLayout>
  );
}

import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type LegalForm, organisationInputSchema } from '../../../domain/organisations/organisation.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { legalFormOptions } from '../../lib/legal-forms.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { type Organisation, useUpdateOrganisation } from './organisations.api.ts';

/** Name and legal form (administrators only; the server checks again). */
export function EditOrganisationForm({ organisation, onDone }: { organisation: Organisation; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation(organisation.id);
  const schemaForm = useSchemaForm<{ name: string; legalForm: LegalForm }>({
    schema: organisationInputSchema,
    initialValues: { name: organisation.name, legalForm: organisation.legalForm },
  });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => {
    update.mutate(values, { onSuccess: onDone, onError: schemaForm.showError });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('organisation.name')} required data-autofocus {...form.getInputProps('name')} />
        <Select label={t('organisation.legalForm')} data={legalFormOptions(t)} allowDeselect={false} required {...form.getInputProps('legalForm')} />
        <FormProblems form={schemaForm} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalForm } from '../../../domain/organisations/organisation.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrors } from '../../lib/form-errors.ts';
import { legalFormOptions } from './legal-forms.ts';
import { useUpdateOrganisation, type Organisation } from './organisations.api.ts';

/** Name and legal form (administrators only; the server checks again). */
export function EditOrganisationForm({ organisation, onDone }: { organisation: Organisation; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation(organisation.id);
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm<{ name: string; legalForm: LegalForm }>({
    mode: 'controlled',
    initialValues: { name: organisation.name, legalForm: organisation.legalForm },
  });
  const submit = form.onSubmit((values) => {
    setProblems([]);
    if (!values.name.trim()) {
      form.setErrors({ name: t('issues.required') });
      return;
    }
    update.mutate(values, {
      onSuccess: onDone,
      onError: (error) => {
        const { fields, rest } = fieldErrors(t, error, form.values);
        form.setErrors(fields);
        setProblems(rest);
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('organisation.name')} required data-autofocus {...form.getInputProps('name')} />
        <Select label={t('organisation.legalForm')} data={legalFormOptions(t)} allowDeselect={false} required {...form.getInputProps('legalForm')} />
        <ErrorAlert messages={problems} />
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

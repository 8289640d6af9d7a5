import { Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormProblems } from '../../components/form-problems.tsx';
import { emptyLocation, LocationRows } from '../../components/location-rows.tsx';
import { legalFormOptions } from '../../lib/legal-forms.ts';
import type { SchemaForm } from '../../lib/use-schema-form.ts';
import { organisationStep, type SetupValues } from './setup-form.ts';

/**
 * Step 1: the organisation and its locations; "Weiter" checks these fields with the shared schema at once. Without
 * carried answers it points to the public quick check first.
 */
export function OrganisationStep({
  schemaForm,
  onNext,
  showQuickCheckLink = false,
}: {
  schemaForm: SchemaForm<SetupValues>;
  onNext: () => void;
  showQuickCheckLink?: boolean;
}) {
  const { t } = useTranslation();
  const { form } = schemaForm;
  const stepErrors = Object.entries(form.errors).some(([path, error]) => error && path.startsWith('organisation'));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (schemaForm.validatePaths(organisationStep)) onNext();
      }}
      noValidate
    >
      <Stack gap="md" mt="md">
        {showQuickCheckLink && (
          <Anchor component={Link} to="/schnellcheck" size="sm" w="fit-content" data-testid="setup-quick-check-link">
            {t('quickCheck.setupLink')}
          </Anchor>
        )}
        <TextInput label={t('organisation.name')} description={t('setup.orgNameHint')} required {...form.getInputProps('organisation.name')} />
        <Select
          label={t('organisation.legalForm')}
          placeholder={t('common.choose')}
          data={legalFormOptions(t)}
          required
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('organisation.legalForm')}
        />
        <Text fw={500} mt="xs">
          {t('setup.locationsTitle')}
        </Text>
        <Text size="sm" c="dimmed" mt={-12}>
          {t('setup.locationsHint')}
        </Text>
        <LocationRows
          prefix="organisation.locations"
          locations={form.values.organisation.locations}
          getInputProps={(path) => form.getInputProps(path)}
          onAdd={() => form.insertListItem('organisation.locations', emptyLocation())}
          onRemove={(index) => form.removeListItem('organisation.locations', index)}
        />
        <FormProblems form={{ problems: [], hasFieldErrors: schemaForm.hasFieldErrors && stepErrors }} />
        <Group justify="flex-end">
          <Button type="submit">{t('common.next')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

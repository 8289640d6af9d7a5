import { Alert, Anchor, Button, CopyButton, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../domain/auth/auth.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import type { SchemaForm } from '../../lib/use-schema-form.ts';
import type { SetupValues } from './setup-form.ts';

/** Step 2: the first administrator and the address of this installation. */
export function AdminStep({
  schemaForm,
  fixedPublicUrl,
  isPending,
  alreadyDone,
  onSubmit,
  onInvalid,
  onBack,
}: {
  schemaForm: SchemaForm<SetupValues>;
  fixedPublicUrl: string | null;
  isPending: boolean;
  alreadyDone: boolean;
  onSubmit: (values: SetupValues) => void;
  onInvalid: (errors: FormErrors) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { form } = schemaForm;
  return (
    <form onSubmit={schemaForm.onSubmit(onSubmit, onInvalid)} noValidate>
      <Stack gap="md" mt="md">
        <Text size="sm">{t('setup.adminIntro')}</Text>
        <TextInput label={t('person.name')} autoComplete="name" required {...form.getInputProps('admin.name')} />
        <TextInput label={t('person.email')} type="email" autoComplete="email" required {...form.getInputProps('admin.email')} />
        <Alert variant="light" color="blue" title={t('password.title')}>
          {t('password.explain', { min: PASSWORD_MIN_LENGTH })}
        </Alert>
        <PasswordInput
          label={t('password.label')}
          description={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          {...form.getInputProps('admin.password')}
        />
        <PasswordInput label={t('password.repeat')} autoComplete="new-password" required {...form.getInputProps('admin.passwordRepeat')} />
        <TextInput
          label={t('setup.publicUrl')}
          description={fixedPublicUrl ? t('setup.publicUrlFixed') : t('setup.publicUrlHint')}
          type="url"
          required
          readOnly={Boolean(fixedPublicUrl)}
          {...form.getInputProps('publicUrl')}
          {...(fixedPublicUrl ? { value: fixedPublicUrl } : {})}
          rightSectionWidth={110}
          rightSection={
            <CopyButton value={fixedPublicUrl ?? form.values.publicUrl}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="light" onClick={copy} data-testid="copy-public-url">
                  {copied ? t('common.copied') : t('setup.copyUrlShort')}
                </Button>
              )}
            </CopyButton>
          }
        />
        <FormProblems form={schemaForm} />
        {alreadyDone && (
          <Anchor component={Link} to="/login">
            {t('login.title')}
          </Anchor>
        )}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('setup.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Anchor, Button, Card, Group, List, MultiSelect, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateInput } from '../../components/date-input.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { checklistItems, euMemberStates, type FieldProps, inputId, type RegistrationForm } from './registration-values.ts';

export function Section({ title, description, children, testId }: { title: string; description?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

export function PersonFields({ prefix, field, nameLabel }: { prefix: string; field: FieldProps; nameLabel: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput label={nameLabel} {...field(`${prefix}.name`)} />
      <TextInput label={t('registration.fields.personPhone')} description={t('registration.fields.personPhoneHint')} type="tel" {...field(`${prefix}.phone`)} />
      <TextInput label={t('registration.fields.personEmail')} type="email" {...field(`${prefix}.email`)} />
    </SimpleGrid>
  );
}

/** § 33(1) Nr. 1–5 BSIG: name with legal form, register number, address and contact data, member states, authorities. */
export function MasterDataSection({ organisationId, nameWithLegalForm, field }: { organisationId: string; nameWithLegalForm: string; field: FieldProps }) {
  const { t } = useTranslation();
  const states = useMemo(() => {
    const names = new Intl.DisplayNames([currentLocale()], { type: 'region' });
    return euMemberStates.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label));
  }, []);
  return (
    <Section title={t('registration.sections.master')} description={t('registration.sections.masterHint')}>
      <TextInput
        label={t('registration.fields.nameLegalForm')}
        value={nameWithLegalForm}
        readOnly
        variant="filled"
        data-testid="registration-name-legal-form"
        description={
          <>
            {t('registration.fields.nameLegalFormHint')}{' '}
            <Anchor component={Link} to={`/o/${organisationId}/organisation`} size="xs">
              {t('registration.fields.toOrganisation')}
            </Anchor>
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('registration.fields.commercialRegister')}
          description={t('registration.fields.commercialRegisterHint')}
          {...field('commercialRegister')}
        />
        <DateInput label={t('registration.fields.qualifiesSince')} description={t('registration.fields.qualifiesSinceHint')} {...field('qualifiesSince')} />
      </SimpleGrid>
      <TextInput label={t('registration.fields.street')} autoComplete="street-address" {...field('street')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('registration.fields.postalCode')} autoComplete="postal-code" inputMode="numeric" maxLength={5} {...field('postalCode')} />
        <TextInput label={t('registration.fields.city')} autoComplete="address-level2" style={{ gridColumn: 'span 2' }} {...field('city')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('registration.fields.email')}
          description={t('registration.fields.emailHint')}
          type="email"
          autoComplete="email"
          {...field('email')}
        />
        <TextInput label={t('registration.fields.phone')} description={t('registration.fields.phoneHint')} type="tel" autoComplete="tel" {...field('phone')} />
      </SimpleGrid>
      <Textarea
        label={t('registration.fields.publicIpRanges')}
        description={t('registration.fields.publicIpRangesHint')}
        placeholder={t('registration.fields.publicIpRangesPlaceholder')}
        autosize
        minRows={2}
        {...field('publicIpRanges')}
      />
      <MultiSelect
        label={t('registration.fields.memberStates')}
        description={t('registration.fields.memberStatesHint')}
        data={states}
        searchable
        {...field('memberStates')}
      />
      <Textarea
        label={t('registration.fields.supervisoryAuthorities')}
        description={t('registration.fields.supervisoryAuthoritiesHint')}
        placeholder={t('registration.fields.supervisoryAuthoritiesPlaceholder')}
        autosize
        minRows={2}
        {...field('supervisoryAuthorities')}
      />
    </Section>
  );
}

/** Who holds the "Mein Unternehmenskonto" login and who stands in. */
export function MukSection({ field }: { field: FieldProps }) {
  const { t } = useTranslation();
  return (
    <Section title={t('registration.sections.muk')} description={t('registration.sections.mukHint')} testId="section-muk">
      <List type="ordered" size="sm" spacing={4}>
        <List.Item>{t('registration.muk.step1')}</List.Item>
        <List.Item>{t('registration.muk.step2')}</List.Item>
        <List.Item>{t('registration.muk.step3')}</List.Item>
      </List>
      <Text fw={500} size="sm" mt="xs">
        {t('registration.fields.mukHolder')}
      </Text>
      <PersonFields prefix="mukHolder" field={field} nameLabel={t('registration.fields.mukHolderName')} />
      <Text fw={500} size="sm" mt="xs">
        {t('registration.fields.mukBackup')}
      </Text>
      <PersonFields prefix="mukBackup" field={field} nameLabel={t('registration.fields.mukBackupName')} />
    </Section>
  );
}

export function ChecklistSection({ form, field, canEdit }: { form: RegistrationForm; field: FieldProps; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Section title={t('registration.sections.checklist')} description={t('registration.sections.checklistHint')} testId="section-checklist">
      <Stack gap="md">
        {checklistItems.map((item) => (
          <Switch
            key={item}
            label={t(`registration.checklist.${item}`)}
            description={t(`registration.checklist.${item}Hint`)}
            {...form.getInputProps(`checklist.${item}`, { type: 'checkbox' })}
            id={inputId(`checklist.${item}`)}
            disabled={!canEdit}
          />
        ))}
      </Stack>
      <TextInput
        label={t('registration.fields.registrationReference')}
        description={t('registration.fields.registrationReferenceHint')}
        maw={420}
        {...field('registrationReference')}
      />
    </Section>
  );
}

/** The sticky bar with the save button, what went wrong and when it was last saved. */
export function SaveBar({
  schemaForm,
  savedAt,
  dirty,
  updatedAt,
  saving,
}: {
  schemaForm: { problems: string[]; hasFieldErrors: boolean };
  savedAt: string | null;
  dirty: boolean;
  updatedAt: string | null;
  saving: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" style={{ position: 'sticky', bottom: 0, zIndex: 2 }} shadow="sm">
      <Stack gap="sm">
        <FormProblems form={schemaForm} />
        {savedAt && !dirty && (
          <Alert color="green" variant="light" role="status" data-testid="registration-saved">
            {t('registration.saved', { at: formatDateTime(savedAt) })}
          </Alert>
        )}
        <Group justify="space-between" gap="sm">
          <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'}>
            {dirty ? t('registration.unsaved') : updatedAt ? t('registration.lastSaved', { at: formatDateTime(updatedAt) }) : t('registration.neverSaved')}
          </Text>
          <Button type="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

import { Alert, Anchor, Button, Card, Group, List, MultiSelect, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canAdminister } from '../../../domain/auth/roles.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { fieldErrors } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { EscalationRows } from './escalation-rows.tsx';
import { registrationUrl, useRegistration, useSaveRegistration, type Registration } from './registration.api.ts';
import { RegistrationStatus } from './registration-status.tsx';
import { checklistItems, euMemberStates, inputId, isoDate, setupOf, valuesOf, type RegistrationValues } from './registration-values.ts';

export type RegistrationForm = UseFormReturnType<RegistrationValues>;

/** What someone typed stays in this tab until it is saved, also when they look at another page in between. */
const draftKey = (organisationId: string) => `praxisschild.registration-draft.${organisationId}`;

function loadDraft(organisationId: string): RegistrationValues | null {
  try {
    const raw = sessionStorage.getItem(draftKey(organisationId));
    return raw ? (JSON.parse(raw) as RegistrationValues) : null;
  } catch {
    return null;
  }
}

function storeDraft(organisationId: string, values: RegistrationValues | null) {
  try {
    if (values) sessionStorage.setItem(draftKey(organisationId), JSON.stringify(values));
    else sessionStorage.removeItem(draftKey(organisationId));
  } catch {
    // Without storage the values live as long as the page.
  }
}

export function RegistrationPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const registration = useRegistration(organisationId);

  if (organisation.isPending || registration.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  if (registration.error) return <ErrorAlert error={registration.error} />;
  const me = organisation.data.me;
  const canEdit = canAdminister(me.role, me.isAdmin) || ['management', 'it_lead'].includes(me.role);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('registration.title')}
        description={t('registration.description')}
        actions={
          <Button component="a" href={`${registrationUrl(organisationId)}/datasheet/pdf`} download variant="default" data-testid="registration-pdf">
            {t('registration.datasheet')}
          </Button>
        }
      />
      <RegistrationStatus organisationId={organisationId} registration={registration.data} />
      <RegistrationFormView organisationId={organisationId} registration={registration.data} canEdit={canEdit} />
    </Stack>
  );
}

function Section({ title, description, children, testId }: { title: string; description?: ReactNode; children: ReactNode; testId?: string }) {
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

/** A field's text for a server issue: for the e-mail, postcode and date fields a sentence that says what fits. */
function issueTexts(t: ReturnType<typeof useTranslation>['t'], fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(fields)) {
    const last = path.split('.').pop();
    out[path] =
      last === 'email'
        ? t('issues.email.invalid_format')
        : last === 'postalCode'
          ? t('issues.postal_code')
          : last === 'qualifiesSince'
            ? t('registration.qualifiesSinceInvalid')
            : text;
  }
  return out;
}

function RegistrationFormView({ organisationId, registration, canEdit }: { organisationId: string; registration: Registration; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useSaveRegistration(organisationId);
  const serverValues = useMemo(() => valuesOf(registration.setup), [registration.setup]);
  const [restored] = useState(() => {
    const draft = canEdit ? loadDraft(organisationId) : null;
    return draft && JSON.stringify(draft) !== JSON.stringify(serverValues) ? draft : null;
  });
  const [problems, setProblems] = useState<string[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [showRestored, setShowRestored] = useState(restored !== null);
  const form = useForm<RegistrationValues>({ mode: 'controlled', initialValues: { ...serverValues, ...restored } });
  const dirty = JSON.stringify(form.values) !== JSON.stringify(serverValues);

  // Fields reached with the keyboard must not hide behind the sticky save bar.
  useEffect(() => {
    if (!canEdit) return;
    const root = document.documentElement;
    root.style.scrollPaddingBottom = '140px';
    return () => {
      root.style.scrollPaddingBottom = '';
    };
  }, [canEdit]);

  useEffect(() => {
    if (canEdit) storeDraft(organisationId, dirty ? form.values : null);
  }, [form.values, dirty, organisationId, canEdit]);

  const field = (path: string) => ({ ...form.getInputProps(path), id: inputId(path), disabled: !canEdit });

  const submit = form.onSubmit((values) => {
    setProblems([]);
    setSavedAt(null);
    if (!isoDate(values.qualifiesSince)) {
      form.setErrors({ qualifiesSince: t('registration.qualifiesSinceInvalid') });
      document.getElementById(inputId('qualifiesSince'))?.focus();
      return;
    }
    save.mutate(setupOf(values), {
      onSuccess: (saved) => {
        const next = valuesOf(saved.setup);
        form.setValues(next);
        form.resetDirty(next);
        storeDraft(organisationId, null);
        setShowRestored(false);
        setSavedAt(saved.updatedAt ?? new Date().toISOString());
      },
      onError: (error) => {
        const { fields, rest } = fieldErrors(t, error, values);
        form.setErrors(issueTexts(t, fields));
        setProblems(Object.keys(fields).length > 0 ? [t('registration.fixFields'), ...rest] : rest);
        const first = Object.keys(fields)[0];
        if (first) document.getElementById(inputId(first))?.focus();
      },
    });
  });

  const discardDraft = () => {
    form.setValues(serverValues);
    form.clearErrors();
    storeDraft(organisationId, null);
    setShowRestored(false);
  };

  const states = useMemo(() => {
    const names = new Intl.DisplayNames([currentLocale()], { type: 'region' });
    return euMemberStates.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label));
  }, []);

  const legal = [registration.organisation.name, registration.organisation.legalFormName].filter(Boolean).join(', ');

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {!canEdit && (
          <Alert color="gray" variant="light" data-testid="registration-read-only">
            {t('registration.readOnly')}
          </Alert>
        )}
        {showRestored && (
          <Alert color="blue" variant="light" title={t('registration.draftRestoredTitle')} data-testid="registration-draft-restored">
            <Group justify="space-between" gap="sm">
              <Text size="sm">{t('registration.draftRestored')}</Text>
              <Button size="xs" variant="default" onClick={discardDraft}>
                {t('registration.discardDraft')}
              </Button>
            </Group>
          </Alert>
        )}

        <Section title={t('registration.sections.master')} description={t('registration.sections.masterHint')}>
          <TextInput
            label={t('registration.fields.nameLegalForm')}
            value={legal}
            readOnly
            variant="filled"
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
            <TextInput label={t('registration.fields.commercialRegister')} description={t('registration.fields.commercialRegisterHint')} {...field('commercialRegister')} />
            <TextInput
              label={t('registration.fields.qualifiesSince')}
              description={t('registration.fields.qualifiesSinceHint')}
              placeholder="TT.MM.JJJJ"
              inputMode="numeric"
              {...field('qualifiesSince')}
            />
          </SimpleGrid>
          <TextInput label={t('registration.fields.street')} autoComplete="street-address" {...field('street')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('registration.fields.postalCode')} autoComplete="postal-code" inputMode="numeric" maxLength={5} {...field('postalCode')} />
            <TextInput label={t('registration.fields.city')} autoComplete="address-level2" style={{ gridColumn: 'span 2' }} {...field('city')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('registration.fields.email')} description={t('registration.fields.emailHint')} type="email" autoComplete="email" {...field('email')} />
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

        <Section title={t('registration.sections.contactPoint')} description={t('registration.sections.contactPointHint')} testId="section-contact-point">
          <PersonFields prefix="contactPoint" field={field} nameLabel={t('registration.fields.contactPointName')} />
        </Section>

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

        <Section title={t('registration.sections.escalation')} description={t('registration.sections.escalationHint')} testId="section-escalation">
          <EscalationRows form={form} field={field} canEdit={canEdit} />
        </Section>

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

        {canEdit && (
          <Card withBorder padding="md" style={{ position: 'sticky', bottom: 0, zIndex: 2 }} shadow="sm">
            <Stack gap="sm">
              <ErrorAlert messages={problems} />
              {savedAt && !dirty && (
                <Alert color="green" variant="light" role="status" data-testid="registration-saved">
                  {t('registration.saved', { at: formatDateTime(savedAt) })}
                </Alert>
              )}
              <Group justify="space-between" gap="sm">
                <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'}>
                  {dirty
                    ? t('registration.unsaved')
                    : registration.updatedAt
                      ? t('registration.lastSaved', { at: formatDateTime(registration.updatedAt) })
                      : t('registration.neverSaved')}
                </Text>
                <Button type="submit" loading={save.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
      </Stack>
    </form>
  );
}

type FieldProps = (path: string) => ReturnType<RegistrationForm['getInputProps']> & { id: string; disabled: boolean };

function PersonFields({ prefix, field, nameLabel }: { prefix: string; field: FieldProps; nameLabel: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput label={nameLabel} {...field(`${prefix}.name`)} />
      <TextInput label={t('registration.fields.personPhone')} type="tel" {...field(`${prefix}.phone`)} />
      <TextInput label={t('registration.fields.personEmail')} type="email" {...field(`${prefix}.email`)} />
    </SimpleGrid>
  );
}

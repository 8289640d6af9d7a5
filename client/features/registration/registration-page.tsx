import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { registrationSetupSchema } from '../../../domain/registration/registration.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { currentLocale } from '../../lib/i18n.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { EscalationRows } from './escalation-rows.tsx';
import { type Registration, registrationUrl, useRegistration, useSaveRegistration } from './registration.api.ts';
import { ChecklistSection, MasterDataSection, MukSection, PersonFields, SaveBar, Section } from './registration-sections.tsx';
import { RegistrationStatus } from './registration-status.tsx';
import { draftValues, inputId, type RegistrationValues, registrationIssueText } from './registration-values.ts';

/** What someone typed stays in this tab until it is saved, also when they look at another page in between. */
const draftKey = (organisationId: string) => `praxisschild.registration-draft.${organisationId}`;

function loadDraft(organisationId: string): RegistrationValues | null {
  try {
    const raw = sessionStorage.getItem(draftKey(organisationId));
    return raw ? draftValues(JSON.parse(raw) as RegistrationValues) : null;
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
  const canEdit = isAllowed('registration.edit', organisation.data.me);
  const sheetUrl = `${registrationUrl(organisationId)}/datasheet`;
  const locale = currentLocale();

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('registration.title')}
        description={t('registration.description')}
        actions={
          <Group gap="sm">
            <Button component="a" href={`${sheetUrl}/pdf?locale=${locale}`} download variant="default" data-testid="registration-pdf">
              {t('registration.datasheet')}
            </Button>
            <Button component="a" href={`${sheetUrl}/docx?locale=${locale}`} download variant="default" data-testid="registration-docx">
              {t('registration.datasheetDocx')}
            </Button>
          </Group>
        }
      />
      <RegistrationStatus organisationId={organisationId} registration={registration.data} />
      <RegistrationFormView organisationId={organisationId} registration={registration.data} canEdit={canEdit} />
    </Stack>
  );
}

/** Moves to the first field that needs attention (the errors come in the order of the form). */
function focusFirst(paths: string[]) {
  const first = paths.find((path) => document.getElementById(inputId(path)));
  if (first) document.getElementById(inputId(first))?.focus();
}

function RegistrationFormView({ organisationId, registration, canEdit }: { organisationId: string; registration: Registration; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useSaveRegistration(organisationId);
  const serverValues = registration.setup;
  const [restored] = useState(() => {
    const draft = canEdit ? loadDraft(organisationId) : null;
    return draft && JSON.stringify(draft) !== JSON.stringify(serverValues) ? draft : null;
  });
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [showRestored, setShowRestored] = useState(restored !== null);
  // The schema the server checks the PUT with (§ 33 BSIG data, phone numbers, IP ranges), field by field on blur.
  const schemaForm = useSchemaForm<RegistrationValues>({
    schema: registrationSetupSchema,
    initialValues: { ...serverValues, ...restored },
    issueText: registrationIssueText(t),
  });
  const { form } = schemaForm;
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

  const submit = schemaForm.onSubmit(
    (values) => {
      setSavedAt(null);
      save.mutate(values, {
        onSuccess: (saved) => {
          form.setValues(saved.setup);
          form.resetDirty(saved.setup);
          storeDraft(organisationId, null);
          setShowRestored(false);
          setSavedAt(saved.updatedAt ?? new Date().toISOString());
        },
        onError: (error) => focusFirst(Object.keys(schemaForm.showErrorAt('', error))),
      });
    },
    (errors) => {
      setSavedAt(null);
      focusFirst(Object.keys(errors));
    },
  );

  const discardDraft = () => {
    form.setValues(serverValues);
    form.clearErrors();
    schemaForm.setProblems([]);
    storeDraft(organisationId, null);
    setShowRestored(false);
  };

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
        <MasterDataSection organisationId={organisationId} nameWithLegalForm={registration.organisation.nameWithLegalForm} field={field} />
        <Section title={t('registration.sections.contactPoint')} description={t('registration.sections.contactPointHint')} testId="section-contact-point">
          <PersonFields prefix="contactPoint" field={field} nameLabel={t('registration.fields.contactPointName')} />
        </Section>
        <MukSection field={field} />
        <Section title={t('registration.sections.escalation')} description={t('registration.sections.escalationHint')} testId="section-escalation">
          <EscalationRows form={form} field={field} canEdit={canEdit} suggestion={registration.escalationSuggestion} />
        </Section>
        <ChecklistSection form={form} field={field} canEdit={canEdit} />
        {canEdit && <SaveBar schemaForm={schemaForm} savedAt={savedAt} dirty={dirty} updatedAt={registration.updatedAt} saving={save.isPending} />}
      </Stack>
    </form>
  );
}

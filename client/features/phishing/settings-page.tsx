import { Alert, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { namedModeInputSchema, smtpSettingsInputSchema } from '../../../domain/phishing/phishing.schema.ts';
import { DateInput } from '../../components/date-input.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { NamedModeBanner, namedAgreementOf } from './named-mode-banner.tsx';
import { type PhishingSettings, useSetNamedMode, useSetSmtp, useSettings } from './phishing.api.ts';
import { phishingIssueText } from './phishing-texts.ts';

/** Einstellungen: anonymous by default; named results only under a works agreement, switched by an administrator. */
export function PhishingSettingsPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const settings = useSettings(organisationId);
  if (organisation.isPending || settings.isPending) return <PageLoader />;
  const error = organisation.error ?? settings.error;
  if (error) return <ErrorAlert error={error} />;
  const me = organisation.data!.me;
  const s = settings.data!;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('phishing.settings.title')} description={t('phishing.settings.description')} />
      <NamedModeCard organisationId={organisationId} settings={s} canSwitch={isAllowed('phishing.named_mode', me)} />
      <SmtpCard organisationId={organisationId} settings={s} canChange={isAllowed('organisation.administer', me)} />
    </Stack>
  );
}

function NamedModeCard({ organisationId, settings, canSwitch }: { organisationId: string; settings: PhishingSettings; canSwitch: boolean }) {
  const { t } = useTranslation();
  const setNamed = useSetNamedMode(organisationId);
  const named = settings.namedMode;
  return (
    <Card withBorder padding="lg" data-testid="phishing-named-mode">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('phishing.named.title')}
        </Title>
        <Text size="sm">{t('phishing.named.anonymousDefault')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('phishing.named.rule1')}</List.Item>
          <List.Item>{t('phishing.named.rule2')}</List.Item>
          <List.Item>{t('phishing.named.rule3')}</List.Item>
        </List>
        {named ? (
          <>
            <NamedModeBanner agreement={namedAgreementOf(named)} />
            {canSwitch && (
              <Group>
                {setNamed.error && <ErrorAlert error={setNamed.error} />}
                <Button variant="default" onClick={() => setNamed.mutate({ enabled: false })} loading={setNamed.isPending} data-testid="phishing-named-off">
                  {t('phishing.named.switchOff')}
                </Button>
              </Group>
            )}
          </>
        ) : (
          <>
            <Alert color="teal" variant="light" p="sm" data-testid="phishing-anonymous">
              {t('phishing.named.isAnonymous')}
            </Alert>
            {canSwitch ? (
              <NamedModeForm organisationId={organisationId} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('phishing.named.adminsOnly')}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

interface NamedValues extends Record<string, unknown> {
  agreementReference: string;
  agreementDate: string;
}

function NamedModeForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const setNamed = useSetNamedMode(organisationId);
  const schemaForm = useSchemaForm<NamedValues>({
    schema: namedModeInputSchema,
    initialValues: { agreementReference: '', agreementDate: '' },
    toInput: (values) => ({ enabled: true, ...values }),
  });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) =>
    setNamed.mutate(
      { enabled: true, agreementReference: values.agreementReference.trim(), agreementDate: values.agreementDate },
      { onError: schemaForm.showError },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {t('phishing.named.formIntro')}
        </Text>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('phishing.named.reference')}
            description={t('phishing.named.referenceHint')}
            required
            miw={260}
            {...form.getInputProps('agreementReference')}
          />
          <DateInput label={t('phishing.named.date')} required miw={200} {...form.getInputProps('agreementDate')} />
        </Group>
        <FormProblems form={schemaForm} />
        <Group justify="flex-end">
          <Button type="submit" color="orange" loading={setNamed.isPending} data-testid="phishing-named-on">
            {t('phishing.named.switchOn')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SmtpCard({ organisationId, settings, canChange }: { organisationId: string; settings: PhishingSettings; canChange: boolean }) {
  const { t } = useTranslation();
  const setSmtp = useSetSmtp(organisationId);
  const [editing, setEditing] = useState(false);
  const schemaForm = useSchemaForm<{ smtpUrl: string }>({
    schema: smtpSettingsInputSchema,
    initialValues: { smtpUrl: '' },
    issueText: (issue) => phishingIssueText(t, issue),
  });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) =>
    setSmtp.mutate(values.smtpUrl.trim(), {
      onSuccess: () => {
        form.reset();
        setEditing(false);
      },
      onError: schemaForm.showError,
    }),
  );
  return (
    <Card withBorder padding="lg" data-testid="phishing-smtp">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('phishing.smtp.title')}
        </Title>
        <Text size="sm">{t(`phishing.smtp.source.${settings.smtp.source}`, { host: settings.smtp.host ?? '' })}</Text>
        {canChange && !editing && (
          <Group>
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('phishing.smtp.change')}
            </Button>
            {settings.smtp.source === 'organisation' && (
              <Button variant="subtle" color="red" onClick={() => setSmtp.mutate(null)} loading={setSmtp.isPending}>
                {t('phishing.smtp.useApp')}
              </Button>
            )}
          </Group>
        )}
        {canChange && editing && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput
                label={t('phishing.smtp.url')}
                description={t('phishing.smtp.urlHint')}
                placeholder="smtps://benutzer:passwort@mail.praxis.de:465"
                autoComplete="off"
                {...form.getInputProps('smtpUrl')}
              />
              <FormProblems form={schemaForm} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(false)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={setSmtp.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

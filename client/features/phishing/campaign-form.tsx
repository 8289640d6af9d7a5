import { Alert, Button, Card, Group, MultiSelect, NumberInput, Radio, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { personRoles } from '../../../domain/people/people.schema.ts';
import { campaignInputSchema, phishingGroupings, phishingLocales, RETENTION_DAYS_MAX } from '../../../domain/phishing/phishing.schema.ts';
import { DateInput } from '../../components/date-input.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { ApiRequestError, isApiError } from '../../lib/api.ts';
import { errorText } from '../../lib/form-errors.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { AudienceCount } from './audience-count.tsx';
import { type CampaignValues, campaignValues, draftKey, keepDraft, restoreDraft, spreadChoices, templateTexts, toCampaignInput } from './campaign-values.ts';
import { type Campaign, type PhishingSettings, type PhishingTemplate, useSaveCampaign, useScheduleCampaign, useTestSend } from './phishing.api.ts';
import { phishingIssueText, placeholderValues, spreadLabel } from './phishing-texts.ts';
import { TemplatePreview } from './template-preview.tsx';

interface CampaignFormProps {
  organisationId: string;
  campaign: Campaign | null;
  templates: PhishingTemplate[];
  locations: { id: string; name: string }[];
  settings: PhishingSettings;
}

interface Notice {
  key: string;
  values?: Record<string, string>;
}

/** What happened after a save: a notice, or the error of the test mail or the start. */
interface Outcome {
  notice?: Notice | undefined;
  problem?: unknown;
}

const textFields = ['subject', 'senderName', 'senderAddress', 'bodyHtml', 'bodyText'] as const;

/**
 * A new campaign or a draft: the template and its texts, the recipients from the people register, when it starts and
 * how long the link between tokens and people is kept. Saved as a draft first; the test mail and the start use the
 * saved draft. What someone typed stays in this browser tab until it is saved.
 */
export function CampaignForm({ organisationId, campaign, templates, locations, settings }: CampaignFormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveCampaign(organisationId);
  const testSend = useTestSend(organisationId);
  const schedule = useScheduleCampaign(organisationId);
  const key = draftKey(organisationId, campaign?.id ?? null);
  const uiLocale = i18n.resolvedLanguage === 'en' ? 'en' : 'de';
  const [initialValues] = useState<CampaignValues>(() => ({ ...campaignValues(campaign, templates[0]!, uiLocale), ...restoreDraft(key) }));
  const schemaForm = useSchemaForm<CampaignValues>({
    schema: campaignInputSchema,
    initialValues,
    toInput: toCampaignInput,
    issueText: (issue) => phishingIssueText(t, issue),
  });
  const { form } = schemaForm;
  const values = form.values;
  const location = useLocation();
  const carried = (location.state ?? {}) as { notice?: Notice; problem?: { status: number; code: string } };
  // Kept as a key and its values, so that the message follows the language switch.
  const [notice, setNotice] = useState<Notice | null>(carried.notice ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the message carried from the new campaign's page
  useEffect(() => {
    if (carried.problem) schemaForm.setProblems([errorText(t, new ApiRequestError(carried.problem.status, carried.problem.code))]);
  }, []);

  useEffect(() => keepDraft(key, values), [key, values]);

  const template = templates.find((item) => item.id === values.templateId) ?? templates[0]!;
  const fromTemplate = templateTexts(template, values.locale);
  const edited = textFields.some((field) => values[field] !== fromTemplate[field]);

  /** Picking another template or language brings its texts, unless the texts were edited (then a button offers it). */
  const choose = (templateId: string, locale: 'de' | 'en') => {
    const next = templates.find((item) => item.id === templateId) ?? template;
    const update: Partial<CampaignValues> = { templateId: next.id, locale };
    if (!edited) Object.assign(update, templateTexts(next, locale));
    if (!edited && values.name === template[values.locale].title) update.name = next[locale].title;
    form.setValues(update);
  };

  const saveThen = (after: (saved: Campaign) => void) =>
    schemaForm.onSubmit((formValues) => {
      setNotice(null);
      save.mutate(
        { id: campaign?.id, revision: campaign?.revision, input: toCampaignInput(formValues) },
        {
          onSuccess: (saved) => {
            keepDraft(key, null);
            after(saved);
          },
          onError: (error) => {
            schemaForm.showError(error);
            foldAudienceErrors();
          },
        },
      );
    });

  const foldAudienceErrors = () =>
    form.setErrors((errors) => {
      const folded = { ...errors };
      for (const list of ['audience.locationIds', 'audience.roles']) {
        const first = Object.keys(folded).find((path) => path.startsWith(`${list}.`));
        if (first) {
          folded[list] ??= folded[first];
          for (const path of Object.keys(folded)) if (path.startsWith(`${list}.`)) delete folded[path];
        }
      }
      return folded;
    });

  /** A new campaign's page becomes the draft's page once saved; the message of what happened travels along. */
  const settle = (saved: Campaign, outcome: Outcome) => {
    if (!campaign) {
      // History state must be cloneable: an error travels as its status and code, and is translated on the next page.
      const problem =
        outcome.problem instanceof ApiRequestError
          ? { status: outcome.problem.status, code: outcome.problem.code }
          : outcome.problem
            ? { status: 0, code: 'unknown' }
            : undefined;
      navigate(`/o/${organisationId}/phishing/${saved.id}`, { replace: true, state: { notice: outcome.notice, problem } });
      return;
    }
    setNotice(outcome.notice ?? null);
    if (outcome.problem) schemaForm.setProblems([errorText(t, outcome.problem)]);
  };

  const onSave = saveThen((saved) => settle(saved, { notice: { key: 'phishing.form.saved' } }));
  const onTest = saveThen((saved) =>
    testSend.mutate(saved.id, {
      onSuccess: (sent) => settle(saved, { notice: { key: 'phishing.form.testSent', values: { email: sent.sentTo } } }),
      onError: (error) => settle(saved, { problem: error }),
    }),
  );
  const onStart = saveThen((saved) =>
    schedule.mutate(
      { id: saved.id, revision: saved.revision },
      {
        onSuccess: () => navigate(`/o/${organisationId}/phishing/${saved.id}`, { replace: true }),
        onError: (error) => settle(saved, { problem: error }),
      },
    ),
  );

  const busy = save.isPending || testSend.isPending || schedule.isPending;
  const roleData = personRoles.map((role) => ({ value: role, label: t(`staff.role.${role}`) }));

  return (
    <form onSubmit={onSave} noValidate data-testid="phishing-campaign-form">
      <Stack gap="lg">
        <Card withBorder padding="lg">
          <Stack gap="md">
            <Title order={2} size="h4">
              {t('phishing.form.templateTitle')}
            </Title>
            <TextInput label={t('phishing.field.name')} description={t('phishing.form.nameHint')} required {...form.getInputProps('name')} />
            <Group align="flex-start" wrap="wrap" gap="lg">
              <Select
                label={t('phishing.field.template')}
                data={templates.map((item) => ({ value: item.id, label: `${item[uiLocale].title} (${t(`phishing.difficulty.${item.difficulty}`)})` }))}
                value={values.templateId}
                onChange={(value) => value && choose(value, values.locale)}
                allowDeselect={false}
                w={{ base: '100%', sm: 440 }}
                data-testid="phishing-template"
              />
              <Radio.Group label={t('phishing.field.locale')} value={values.locale} onChange={(value) => choose(values.templateId, value as 'de' | 'en')}>
                <Group mt="xs" gap="lg">
                  {phishingLocales.map((locale) => (
                    <Radio key={locale} value={locale} label={t(`phishing.locale.${locale}`)} />
                  ))}
                </Group>
              </Radio.Group>
            </Group>
            {edited && (
              <Alert color="blue" variant="light" p="sm">
                <Group justify="space-between" gap="sm">
                  <Text size="sm">{t('phishing.form.editedHint')}</Text>
                  <Button size="xs" variant="default" onClick={() => form.setValues(fromTemplate)}>
                    {t('phishing.form.useTemplateTexts')}
                  </Button>
                </Group>
              </Alert>
            )}
            <TemplatePreview
              template={template}
              locale={values.locale}
              subject={values.subject}
              senderName={values.senderName}
              senderAddress={values.senderAddress}
              bodyHtml={values.bodyHtml}
            />
          </Stack>
        </Card>

        <Card withBorder padding="lg">
          <Stack gap="md">
            <Title order={2} size="h4">
              {t('phishing.form.textsTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('phishing.form.placeholdersHint', placeholderValues)}
            </Text>
            <Group align="flex-start" wrap="wrap">
              <TextInput label={t('phishing.field.senderName')} required style={{ flex: '1 1 200px' }} {...form.getInputProps('senderName')} />
              <TextInput
                label={t('phishing.field.senderAddress')}
                description={t('phishing.form.senderAddressHint')}
                required
                style={{ flex: '1.6 1 320px' }}
                {...form.getInputProps('senderAddress')}
              />
            </Group>
            <TextInput label={t('phishing.field.subject')} required {...form.getInputProps('subject')} />
            <Textarea
              label={t('phishing.field.bodyHtml')}
              autosize
              minRows={4}
              maxRows={14}
              styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
              {...form.getInputProps('bodyHtml')}
            />
            <Textarea label={t('phishing.field.bodyText')} autosize minRows={4} maxRows={14} {...form.getInputProps('bodyText')} />
          </Stack>
        </Card>

        <Card withBorder padding="lg">
          <Stack gap="md">
            <Title order={2} size="h4">
              {t('phishing.form.recipientsTitle')}
            </Title>
            <SegmentedControl
              aria-label={t('phishing.field.audience')}
              value={values.audience.kind}
              onChange={(kind) => form.setFieldValue('audience.kind', kind as CampaignValues['audience']['kind'])}
              data={(['all', 'locations', 'roles'] as const).map((kind) => ({ value: kind, label: t(`phishing.audience.${kind}`) }))}
              w="fit-content"
              data-testid="phishing-audience-kind"
            />
            {values.audience.kind === 'locations' && (
              <MultiSelect
                label={t('phishing.field.locations')}
                data={locations.map((l) => ({ value: l.id, label: l.name }))}
                required
                {...form.getInputProps('audience.locationIds')}
              />
            )}
            {values.audience.kind === 'roles' && (
              <MultiSelect label={t('phishing.field.roles')} data={roleData} required data-testid="phishing-roles" {...form.getInputProps('audience.roles')} />
            )}
            <AudienceCount organisationId={organisationId} audience={toCampaignInput(values).audience} anonymous={values.mode === 'anonymous'} />
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label={t('phishing.field.groupBy')}
                description={t('phishing.form.groupByHint')}
                data={phishingGroupings.map((g) => ({ value: g, label: t(`phishing.groupBy.${g}`) }))}
                allowDeselect={false}
                miw={240}
                {...form.getInputProps('groupBy')}
              />
              <Select
                label={t('phishing.field.mode')}
                description={settings.namedMode ? t('phishing.form.modeNamedAvailable') : t('phishing.form.modeAnonymousOnly')}
                data={[
                  { value: 'anonymous', label: t('phishing.mode.anonymous') },
                  { value: 'named', label: t('phishing.mode.named'), disabled: !settings.namedMode },
                ]}
                allowDeselect={false}
                miw={240}
                {...form.getInputProps('mode')}
              />
            </Group>
          </Stack>
        </Card>

        <Card withBorder padding="lg">
          <Stack gap="md">
            <Title order={2} size="h4">
              {t('phishing.form.whenTitle')}
            </Title>
            <Radio.Group
              value={values.startChoice}
              onChange={(value) => form.setFieldValue('startChoice', value as 'now' | 'later')}
              label={t('phishing.field.start')}
            >
              <Group mt="xs" gap="lg">
                <Radio value="now" label={t('phishing.form.startNow')} />
                <Radio value="later" label={t('phishing.form.startLater')} />
              </Group>
            </Radio.Group>
            {values.startChoice === 'later' && (
              <Stack gap={4}>
                <Group gap="sm" align="flex-start">
                  <DateInput
                    label={t('phishing.field.startDate')}
                    value={values.startDate}
                    onChange={(value) => form.setFieldValue('startDate', value)}
                    error={Boolean(form.errors.startsAt)}
                    w={180}
                  />
                  <TextInput
                    label={t('phishing.field.startTime')}
                    placeholder="08:00"
                    value={values.startTime}
                    onChange={(event) => form.setFieldValue('startTime', event.currentTarget.value)}
                    error={Boolean(form.errors.startsAt)}
                    w={110}
                  />
                </Group>
                <Text size="xs" c={form.errors.startsAt ? 'red.8' : 'dimmed'} data-testid="phishing-start-error">
                  {form.errors.startsAt ?? t('phishing.form.berlinTime')}
                </Text>
              </Stack>
            )}
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label={t('phishing.field.spread')}
                description={t('phishing.form.spreadHint')}
                data={spreadChoices.map((minutes) => ({ value: String(minutes), label: spreadLabel(t, minutes) }))}
                value={String(values.spreadMinutes)}
                onChange={(value) => form.setFieldValue('spreadMinutes', Number(value ?? 0))}
                error={form.errors.spreadMinutes}
                allowDeselect={false}
                miw={220}
              />
              <NumberInput
                label={t('phishing.field.retentionDays')}
                description={t('phishing.form.retentionHint', { max: RETENTION_DAYS_MAX })}
                min={1}
                max={RETENTION_DAYS_MAX}
                miw={220}
                {...form.getInputProps('retentionDays')}
              />
            </Group>
          </Stack>
        </Card>

        {settings.smtp.source === 'none' && <Alert color="orange">{t('phishing.form.noSmtp')}</Alert>}
        {notice && (
          <Alert color="teal" variant="light" data-testid="phishing-form-notice">
            {t(notice.key, notice.values)}
          </Alert>
        )}
        {isApiError(schedule.error, 'phishing.revision_conflict') && <Alert color="orange">{t('phishing.form.conflict')}</Alert>}
        <FormProblems form={schemaForm} />
        <Group justify="space-between" wrap="wrap">
          <Button
            variant="subtle"
            onClick={() => {
              keepDraft(key, null);
              navigate(`/o/${organisationId}/phishing`);
            }}
          >
            {t('common.cancel')}
          </Button>
          <Group gap="sm">
            <Button
              type="submit"
              variant="default"
              loading={save.isPending && !testSend.isPending && !schedule.isPending}
              disabled={busy}
              data-testid="phishing-save"
            >
              {t('phishing.form.save')}
            </Button>
            <Button variant="light" onClick={() => onTest()} loading={testSend.isPending} disabled={busy} data-testid="phishing-test-send">
              {t('phishing.form.testSend')}
            </Button>
            <Button onClick={() => onStart()} loading={schedule.isPending} disabled={busy} data-testid="phishing-start">
              {values.startChoice === 'later' ? t('phishing.form.schedule') : t('phishing.form.startNowButton')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

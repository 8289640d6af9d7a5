import { Alert, Anchor, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { GdprRisk } from '../../../domain/incidents/deadlines.schema.ts';
import { gdprRisks } from '../../../domain/incidents/deadlines.schema.ts';
import { significanceAnswersSchema } from '../../../domain/incidents/incident.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { incidentPermissions } from './incident-parts.tsx';
import { type IncidentDetail, useAssessIncident, useIncident } from './incidents.api.ts';

type Level = 'no' | 'unsure' | 'yes';
type YesNo = 'yes' | 'no';

type AssessmentValues = {
  severeDisruption: Level | '';
  financialLoss: Level | '';
  considerableHarmToOthers: Level | '';
  maliciousSuspected: YesNo | '';
  crossBorderImpact: YesNo | '';
  personalDataBreach: YesNo | '';
  gdprRisk: GdprRisk | '';
  encryptedWithUncompromisedKeys: YesNo | '';
};

const levels = ['severeDisruption', 'financialLoss', 'considerableHarmToOthers'] as const;
const yesNo = (value: boolean | undefined): YesNo | '' => (value === undefined ? '' : value ? 'yes' : 'no');

const answered = (value: YesNo | ''): boolean | undefined => (value === '' ? undefined : value === 'yes');

/**
 * The answers the schema checks: a question not answered yet stays unanswered (the schema marks it); without a
 * personal-data breach the GDPR follow-up questions are not asked and count as "no risk", "not encrypted".
 */
function toAnswers(values: AssessmentValues) {
  const breach = answered(values.personalDataBreach);
  return {
    severeDisruption: values.severeDisruption || undefined,
    financialLoss: values.financialLoss || undefined,
    considerableHarmToOthers: values.considerableHarmToOthers || undefined,
    maliciousSuspected: answered(values.maliciousSuspected),
    crossBorderImpact: answered(values.crossBorderImpact),
    personalDataBreach: breach,
    gdprRisk: breach ? values.gdprRisk || undefined : 'none',
    encryptedWithUncompromisedKeys: breach ? answered(values.encryptedWithUncompromisedKeys) : false,
  };
}

function initialValues(incident: IncidentDetail): AssessmentValues {
  const a = incident.significance;
  return {
    severeDisruption: a?.severeDisruption ?? '',
    financialLoss: a?.financialLoss ?? '',
    considerableHarmToOthers: a?.considerableHarmToOthers ?? '',
    maliciousSuspected: yesNo(a?.maliciousSuspected),
    crossBorderImpact: a ? yesNo(a.crossBorderImpact) : 'no',
    // Patient data named in the report are personal data: the breach question starts answered.
    personalDataBreach: a ? yesNo(a.personalDataBreach) : incident.patientDataInvolved ? 'yes' : '',
    gdprRisk: a?.personalDataBreach ? a.gdprRisk : '',
    encryptedWithUncompromisedKeys: a ? yesNo(a.encryptedWithUncompromisedKeys) : 'no',
  };
}

export function AssessmentPage() {
  const { t } = useTranslation();
  const { organisationId = '', incidentId = '' } = useParams();
  const incident = useIncident(organisationId, incidentId);
  const organisation = useOrganisation(organisationId);
  if (incident.isPending || organisation.isPending) return <PageLoader />;
  if (incident.error) return <ErrorAlert error={incident.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const can = incidentPermissions(organisation.data.me);
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={t('incidents.assess.title', { number: incident.data.number })}
        description={
          <>
            <Text span fw={600} c="dark">
              {incident.data.title}
            </Text>
            {' · '}
            <Anchor component={Link} to={`/o/${organisationId}/incidents/${incidentId}`}>
              {t('incidents.assess.toIncident')}
            </Anchor>
          </>
        }
      />
      {can.handle ? (
        <AssessmentForm organisationId={organisationId} incident={incident.data} />
      ) : (
        <Alert color="yellow">{t('incidents.assess.notAllowed')}</Alert>
      )}
    </Stack>
  );
}

function Question({ title, hint, children, testId }: { title: string; hint: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Stack gap={6} data-testid={testId}>
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      {children}
    </Stack>
  );
}

function AssessmentForm({ organisationId, incident }: { organisationId: string; incident: IncidentDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const assess = useAssessIncident(organisationId, incident.id);
  const schemaForm = useSchemaForm<AssessmentValues>({ schema: significanceAnswersSchema, initialValues: initialValues(incident), toInput: toAnswers });
  const { form } = schemaForm;
  const breach = form.values.personalDataBreach === 'yes';

  const submit = schemaForm.onSubmit(
    (values) => {
      assess.mutate(significanceAnswersSchema.parse(toAnswers(values)), {
        onSuccess: () => navigate(`/o/${organisationId}/incidents/${incident.id}`),
        onError: schemaForm.showError,
      });
    },
    () => schemaForm.setProblems([t('incidents.assess.answerAll')]),
  );

  const levelRadios = (key: (typeof levels)[number]) => (
    <Radio.Group {...form.getInputProps(key)} aria-label={t(`incidents.assess.${key}`)}>
      <Group gap="xl" mt={4}>
        <Radio value="yes" label={t('incidents.assess.yes')} />
        <Radio value="unsure" label={t('incidents.assess.unsure')} />
        <Radio value="no" label={t('incidents.assess.no')} />
      </Group>
    </Radio.Group>
  );
  const yesNoRadios = (key: keyof AssessmentValues, label: string) => (
    <Radio.Group {...form.getInputProps(key)} aria-label={label}>
      <Group gap="xl" mt={4}>
        <Radio value="yes" label={t('common.yes')} />
        <Radio value="no" label={t('common.no')} />
      </Group>
    </Radio.Group>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Card withBorder padding="lg">
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={2} size="h4">
                {t('incidents.assess.bsigTitle')}
              </Title>
              <Text size="sm">{t('incidents.assess.bsigIntro')}</Text>
              <Alert color="orange" variant="light" p="sm" mt={4}>
                <Text size="sm" fw={600}>
                  {t('incidents.assess.inDoubt')}
                </Text>
              </Alert>
            </Stack>
            {levels.map((key) => (
              <Question key={key} testId={`q-${key}`} title={t(`incidents.assess.${key}`)} hint={t(`incidents.assess.${key}Hint`)}>
                {levelRadios(key)}
              </Question>
            ))}
            <Question testId="q-maliciousSuspected" title={t('incidents.assess.maliciousSuspected')} hint={t('incidents.assess.maliciousSuspectedHint')}>
              {yesNoRadios('maliciousSuspected', t('incidents.assess.maliciousSuspected'))}
            </Question>
            <Question testId="q-crossBorderImpact" title={t('incidents.assess.crossBorderImpact')} hint={t('incidents.assess.crossBorderImpactHint')}>
              {yesNoRadios('crossBorderImpact', t('incidents.assess.crossBorderImpact'))}
            </Question>
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={2} size="h4">
                {t('incidents.assess.gdprTitle')}
              </Title>
              <Text size="sm">{t('incidents.assess.gdprIntro')}</Text>
            </Stack>
            <Question testId="q-personalDataBreach" title={t('incidents.assess.personalDataBreach')} hint={t('incidents.assess.personalDataBreachHint')}>
              {yesNoRadios('personalDataBreach', t('incidents.assess.personalDataBreach'))}
            </Question>
            {breach && (
              <>
                <Question testId="q-gdprRisk" title={t('incidents.assess.gdprRisk')} hint={t('incidents.assess.gdprRiskHint')}>
                  <Radio.Group {...form.getInputProps('gdprRisk')} aria-label={t('incidents.assess.gdprRisk')}>
                    <Stack gap="sm" mt={4}>
                      {gdprRisks.map((risk) => (
                        <Radio key={risk} value={risk} label={t(`incidents.gdprRisk.${risk}`)} description={t(`incidents.gdprRisk.${risk}Hint`)} />
                      ))}
                    </Stack>
                  </Radio.Group>
                </Question>
                <Question testId="q-encrypted" title={t('incidents.assess.encrypted')} hint={t('incidents.assess.encryptedHint')}>
                  {yesNoRadios('encryptedWithUncompromisedKeys', t('incidents.assess.encrypted'))}
                </Question>
              </>
            )}
          </Stack>
        </Card>
        <FormProblems form={schemaForm} />
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={assess.isPending}>
            {t('incidents.assess.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button, Card, Group, MultiSelect, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { reportIncidentSchema, suspectedOrigins } from '../../../domain/incidents/incident.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { berlinInstantInput, berlinParts } from './berlin-time.ts';
import { incidentPermissions } from './incident-parts.tsx';
import { type SuspectedOrigin, useReportIncident } from './incidents.api.ts';
import { foldListErrors, reportIncidentFormSchema } from './report-form-schemas.ts';
import { BerlinWhenInputs, type WhenParts } from './report-when-inputs.tsx';

type ReportValues = {
  title: string;
  description: string;
  noticedDate: string;
  noticedTime: string;
  /** The instant the typed date and time make (or what the schema needs to name their problem). */
  noticedAt: string;
  locationIds: string[];
  systems: string;
  suspectedOrigin: SuspectedOrigin;
  patientDataInvolved: '' | 'yes' | 'no';
};

/** What someone typed survives a reload or a lost connection until the report is saved. */
const storageKey = (organisationId: string) => `praxisschild.incidentReport.${organisationId}`;

function restore(organisationId: string): Partial<ReportValues> {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey(organisationId)) ?? '{}') as Partial<ReportValues>;
  } catch {
    return {};
  }
}

function startValues(organisationId: string, locations: { id: string }[]): ReportValues {
  const now = berlinParts();
  const typed = { noticedDate: now.date, noticedTime: now.time, ...restore(organisationId) };
  return {
    title: '',
    description: '',
    locationIds: locations.length === 1 ? [locations[0]!.id] : [],
    systems: '',
    suspectedOrigin: 'unknown',
    patientDataInvolved: '',
    ...typed,
    noticedAt: berlinInstantInput(typed.noticedDate, typed.noticedTime),
  };
}

/** The request body the form's values make; a question not answered yet stays unanswered for the schema. */
function toRequest({ noticedDate: _date, noticedTime: _time, patientDataInvolved, ...values }: ReportValues) {
  return { ...values, patientDataInvolved: patientDataInvolved === '' ? undefined : patientDataInvolved === 'yes' };
}

export function ReportIncidentPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  if (organisation.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const can = incidentPermissions(organisation.data.me);
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('incidents.form.title')} description={t('incidents.form.description')} />
      {can.report ? (
        <ReportForm organisationId={organisationId} locations={organisation.data.locations} canAssess={can.handle} />
      ) : (
        <Alert color="yellow">{t('incidents.readOnly')}</Alert>
      )}
    </Stack>
  );
}

function ReportForm({ organisationId, locations, canAssess }: { organisationId: string; locations: { id: string; name: string }[]; canAssess: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const report = useReportIncident(organisationId);
  const [initialValues] = useState(() => startValues(organisationId, locations));
  // The form keeps the typed Berlin date and time and, under the request's name, the instant they make: the schema's
  // issue, the check on leaving the pair and the server's 400 all land at `noticedAt`.
  const schemaForm = useSchemaForm<ReportValues>({ schema: reportIncidentFormSchema, initialValues, toInput: toRequest });
  const { form } = schemaForm;

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(organisationId), JSON.stringify(form.values));
    } catch {
      // Without storage the values live as long as the page.
    }
  }, [form.values, organisationId]);

  const setNoticed = ({ date, time }: WhenParts) => {
    form.setValues({ noticedDate: date, noticedTime: time, noticedAt: berlinInstantInput(date, time) });
    form.clearFieldError('noticedAt');
  };

  const submit = schemaForm.onSubmit((values) => {
    report.mutate(reportIncidentSchema.parse(toRequest(values)), {
      onSuccess: (created) => {
        sessionStorage.removeItem(storageKey(organisationId));
        navigate(`/o/${organisationId}/incidents/${created.id}${canAssess ? '/assessment' : ''}`);
      },
      onError: (error) => {
        schemaForm.showError(error);
        form.setErrors((errors) => foldListErrors(errors, 'locationIds'));
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Card withBorder padding="lg">
        <Stack gap="lg">
          <TextInput
            label={t('incidents.form.what')}
            description={t('incidents.form.whatHint')}
            placeholder={t('incidents.form.whatPlaceholder')}
            required
            data-autofocus
            autoFocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('incidents.form.details')}
            description={t('incidents.form.detailsHint')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('description')}
          />
          <BerlinWhenInputs
            testId="noticed-at"
            value={{ date: form.values.noticedDate, time: form.values.noticedTime }}
            onChange={setNoticed}
            onBlur={() => form.validateField('noticedAt')}
            dateLabel={t('incidents.form.noticedDate')}
            timeLabel={t('incidents.form.noticedTime')}
            error={form.errors.noticedAt}
          />
          <Text size="sm" c="dimmed" mt={-12}>
            {t('incidents.form.noticedHint')}
          </Text>
          <Group grow align="flex-start" wrap="wrap" gap="md">
            <MultiSelect
              label={t('incidents.form.locations')}
              placeholder={form.values.locationIds.length ? undefined : t('incidents.form.locationsPlaceholder')}
              data={locations.map((l) => ({ value: l.id, label: l.name }))}
              miw={240}
              {...form.getInputProps('locationIds')}
            />
            <Select
              label={t('incidents.form.origin')}
              data={suspectedOrigins.map((value) => ({ value, label: t(`incidents.origin.${value}`) }))}
              allowDeselect={false}
              miw={240}
              {...form.getInputProps('suspectedOrigin')}
            />
          </Group>
          <TextInput label={t('incidents.form.systems')} placeholder={t('incidents.form.systemsPlaceholder')} {...form.getInputProps('systems')} />
          <Radio.Group
            label={t('incidents.form.patientData')}
            description={t('incidents.form.patientDataHint')}
            required
            data-testid="patient-data"
            {...form.getInputProps('patientDataInvolved')}
          >
            <Group mt="xs" gap="xl">
              <Radio value="yes" label={t('incidents.form.patientDataYes')} />
              <Radio value="no" label={t('incidents.form.patientDataNo')} />
            </Group>
          </Radio.Group>
          <Alert color="blue" variant="light" p="sm">
            <Text size="sm">{t('incidents.form.noPatientNames')}</Text>
          </Alert>
          <FormProblems form={schemaForm} />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                sessionStorage.removeItem(storageKey(organisationId));
                navigate(`/o/${organisationId}/incidents`);
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={report.isPending}>
              {t('incidents.form.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}

import { Alert, Button, Card, Group, MultiSelect, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { suspectedOrigins } from '../../../domain/incidents/incident.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { fieldErrors } from '../../lib/form-errors.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { berlinInstant, berlinParts, isInFuture } from './berlin-time.ts';
import { BerlinDateTimeInputs, incidentPermissions } from './incident-parts.tsx';
import { type SuspectedOrigin, useReportIncident } from './incidents.api.ts';

interface ReportValues {
  title: string;
  description: string;
  noticedDate: string;
  noticedTime: string;
  locationIds: string[];
  systems: string;
  suspectedOrigin: SuspectedOrigin;
  patientDataInvolved: '' | 'yes' | 'no';
}

/** What someone typed survives a reload or a lost connection until the report is saved. */
const storageKey = (organisationId: string) => `praxisschild.incidentReport.${organisationId}`;

function restore(organisationId: string): Partial<ReportValues> {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey(organisationId)) ?? '{}') as Partial<ReportValues>;
  } catch {
    return {};
  }
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
  const [problems, setProblems] = useState<string[]>([]);
  const now = berlinParts();
  const form = useForm<ReportValues>({
    mode: 'controlled',
    initialValues: {
      title: '',
      description: '',
      noticedDate: now.date,
      noticedTime: now.time,
      locationIds: locations.length === 1 ? [locations[0]!.id] : [],
      systems: '',
      suspectedOrigin: 'unknown',
      patientDataInvolved: '',
      ...restore(organisationId),
    },
  });

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(organisationId), JSON.stringify(form.values));
    } catch {
      // Without storage the values live as long as the page.
    }
  }, [form.values, organisationId]);

  const submit = form.onSubmit((values) => {
    setProblems([]);
    const errors: Record<string, string> = {};
    if (values.title.trim().length < 3) errors.title = t('incidents.form.titleRequired');
    const noticedAt = berlinInstant(values.noticedDate, values.noticedTime);
    if (!noticedAt) errors.noticedDate = t('incidents.form.noticedRequired');
    else if (isInFuture(noticedAt)) errors.noticedDate = t('incidents.form.noticedInFuture');
    if (values.patientDataInvolved === '') errors.patientDataInvolved = t('issues.choose');
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    report.mutate(
      {
        title: values.title.trim(),
        description: values.description.trim(),
        noticedAt: noticedAt!,
        locationIds: values.locationIds,
        systems: values.systems.trim(),
        suspectedOrigin: values.suspectedOrigin,
        patientDataInvolved: values.patientDataInvolved === 'yes',
      },
      {
        onSuccess: (created) => {
          sessionStorage.removeItem(storageKey(organisationId));
          navigate(`/o/${organisationId}/incidents/${created.id}${canAssess ? '/assessment' : ''}`);
        },
        onError: (error) => {
          const { fields, rest } = fieldErrors(t, error, { ...form.values, noticedAt: '' });
          if (fields.noticedAt) fields.noticedDate = fields.noticedAt;
          for (const key of Object.keys(fields)) if (key.startsWith('locationIds.')) fields.locationIds = fields[key]!;
          form.setErrors(fields);
          setProblems(rest);
        },
      },
    );
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
          <BerlinDateTimeInputs
            testId="noticed-at"
            date={form.values.noticedDate}
            time={form.values.noticedTime}
            onDate={(value) => form.setFieldValue('noticedDate', value)}
            onTime={(value) => form.setFieldValue('noticedTime', value)}
            dateLabel={t('incidents.form.noticedDate')}
            timeLabel={t('incidents.form.noticedTime')}
            error={form.errors.noticedDate as string | undefined}
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
          <ErrorAlert messages={problems} />
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

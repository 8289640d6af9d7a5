import { Alert, Button, CopyButton, Group, List, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type IncidentReportKind, recordSubmissionSchema } from '../../../domain/incidents/incident.schema.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { isApiError } from '../../lib/api.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { berlinInstantInput, berlinParts } from './berlin-time.ts';
import { formatBerlinTime } from './incident-parts.tsx';
import { type DraftKind, draftUrl, type ReportDraft, useRecordSubmission, useReportDraft } from './incidents.api.ts';
import { recordSubmissionFormSchema } from './report-form-schemas.ts';
import { BerlinWhenInputs, type WhenParts } from './report-when-inputs.tsx';

/** The draft of one report: its fields to read or copy over, the whole text for the clipboard, PDF and Word. */
export function DraftModal({
  organisationId,
  incidentId,
  kind,
  onClose,
}: {
  organisationId: string;
  incidentId: string;
  kind: DraftKind | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const draft = useReportDraft(organisationId, incidentId, kind, locale);
  const url = kind ? draftUrl(organisationId, incidentId, kind) : '';
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind ? t('incidents.draft.title', { report: t(`incidents.kind.${kind}`) }) : ''} size="xl">
      {draft.isPending ? (
        <PageLoader />
      ) : draft.error ? (
        isApiError(draft.error) && draft.error.status === 404 ? (
          <Alert color="yellow">{t('incidents.draft.notAvailable')}</Alert>
        ) : (
          <ErrorAlert error={draft.error} />
        )
      ) : (
        <Stack gap="md" data-testid="draft">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {draft.data.title}
            </Title>
            <Text size="sm">
              <Text span fw={600}>
                {t('incidents.draft.recipient')}:
              </Text>{' '}
              {draft.data.recipient}
            </Text>
            {draft.data.due && (
              <Text size="sm">
                <Text span fw={600}>
                  {t('incidents.draft.due')}:
                </Text>{' '}
                {formatBerlinTime(draft.data.due)}
              </Text>
            )}
          </Stack>
          <Group gap="sm" wrap="wrap">
            <CopyButton value={draft.data.text}>
              {({ copied, copy }) => (
                <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : 'blue'} onClick={copy} data-testid="draft-copy">
                  {copied ? t('common.copied') : t('incidents.draft.copy')}
                </Button>
              )}
            </CopyButton>
            <Button component="a" href={`${url}/pdf?locale=${locale}`} download variant="default" data-testid="draft-pdf">
              {t('incidents.draft.pdf')}
            </Button>
            <Button component="a" href={`${url}/docx?locale=${locale}`} download variant="default" data-testid="draft-docx">
              {t('incidents.draft.docx')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t(draft.data.form === 'letter' ? 'incidents.draft.letterHint' : 'incidents.draft.hint')}
          </Text>
          {draft.data.notes.length > 0 && (
            <Alert color="yellow" variant="light" title={t('incidents.draft.notes')} data-testid="draft-notes">
              <Stack gap={6}>
                {draft.data.notes.map((note) => (
                  <Text size="sm" key={note}>
                    {note}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          {draft.data.sections.map((section) => (
            // A letter's opening and closing have no heading: their first sentence tells them apart.
            <DraftSectionView key={`${section.heading}|${section.paragraphs?.[0] ?? ''}`} section={section} />
          ))}
          {draft.data.signature && <Text>{draft.data.signature.name}</Text>}
        </Stack>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('incidents.close')}
        </Button>
      </Group>
    </Modal>
  );
}

/** One part of a draft: a report's fields as a table, a letter's text and list as they will read. */
function DraftSectionView({ section }: { section: ReportDraft['sections'][number] }) {
  return (
    <Stack gap={4}>
      {section.heading && <Text fw={700}>{section.heading}</Text>}
      {section.paragraphs?.map((text) => (
        <Text size="sm" key={text}>
          {text}
        </Text>
      ))}
      {section.items && section.items.length > 0 && (
        <List size="sm" spacing={4}>
          {section.items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      )}
      {section.fields.length > 0 && (
        <Table withTableBorder verticalSpacing={6} layout="fixed">
          <Table.Tbody>
            {section.fields.map((field) => (
              <Table.Tr key={field.label}>
                <Table.Td w="34%" fw={500} style={{ verticalAlign: 'top' }}>
                  {field.label}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{field.value || '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The server refuses times before the incident was noticed. */
export const isBeforeNoticed = (error: unknown) => isApiError(error) && error.issues.some((issue) => issue.code === 'before_aware_at');

/** "Als übermittelt erfassen": when the report went out (default now, Berlin time) and the reference number, if any. */
export function RecordSubmissionModal({
  organisationId,
  incidentId,
  kind,
  onClose,
}: {
  organisationId: string;
  incidentId: string;
  kind: IncidentReportKind | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind ? t('incidents.submit.title', { report: t(`incidents.kind.${kind}`) }) : ''} size="md">
      {kind && <RecordSubmissionForm key={kind} organisationId={organisationId} incidentId={incidentId} kind={kind} onDone={onClose} />}
    </Modal>
  );
}

type SubmissionValues = {
  date: string;
  time: string;
  submittedAt: string;
  reference: string;
};

function submissionStart(): SubmissionValues {
  const now = berlinParts();
  return { ...now, submittedAt: berlinInstantInput(now.date, now.time), reference: '' };
}

const submissionRequest = (kind: IncidentReportKind, { submittedAt, reference }: SubmissionValues) => ({
  kind,
  submittedAt,
  reference: reference.trim() || undefined,
});

function RecordSubmissionForm({
  organisationId,
  incidentId,
  kind,
  onDone,
}: {
  organisationId: string;
  incidentId: string;
  kind: IncidentReportKind;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordSubmission(organisationId, incidentId);
  // The typed Berlin date and time, and the instant they make under the request's name (`submittedAt`).
  const schemaForm = useSchemaForm<SubmissionValues>({
    schema: recordSubmissionFormSchema,
    initialValues: submissionStart(),
    toInput: (values) => submissionRequest(kind, values),
  });
  const { form } = schemaForm;
  const setWhen = ({ date, time }: WhenParts) => {
    form.setValues({ date, time, submittedAt: berlinInstantInput(date, time) });
    form.clearFieldError('submittedAt');
  };
  const submit = schemaForm.onSubmit((values) => {
    // A time before the incident was noticed comes back as a 400 at `submittedAt` (before_aware_at).
    record.mutate(recordSubmissionSchema.parse(submissionRequest(kind, values)), { onSuccess: onDone, onError: schemaForm.showError });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="submission-form">
      <Stack gap="md">
        <Text size="sm">{t('incidents.submit.intro')}</Text>
        <BerlinWhenInputs
          testId="submitted-at"
          value={{ date: form.values.date, time: form.values.time }}
          onChange={setWhen}
          onBlur={() => form.validateField('submittedAt')}
          dateLabel={t('incidents.submit.date')}
          timeLabel={t('incidents.submit.time')}
          error={form.errors.submittedAt}
        />
        <TextInput label={t('incidents.submit.reference')} description={t('incidents.submit.referenceHint')} {...form.getInputProps('reference')} />
        <FormProblems form={schemaForm} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('incidents.submit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

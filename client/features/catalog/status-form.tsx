import { Button, Grid, Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RequirementStatus, requirementStatuses, updateRequirementStatusSchema } from '../../../domain/compliance/requirement-status.schema.ts';
import { DateInput } from '../../components/date-input.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useMembers } from '../users/users.api.ts';
import { type StatusEntry, useUpdateRequirementStatus } from './catalog.api.ts';

type StatusValues = {
  status: RequirementStatus;
  notApplicableReason: string;
  ownerUserId: string | null;
  dueDate: string;
  notes: string;
};

export function StatusForm({
  organisationId,
  requirementId,
  locationId,
  entry,
}: {
  organisationId: string;
  requirementId: string;
  locationId: string | null;
  entry: StatusEntry | null;
}) {
  const { t } = useTranslation();
  const members = useMembers(organisationId);
  const update = useUpdateRequirementStatus(organisationId, requirementId);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const toBody = (values: StatusValues) => ({
    locationId,
    status: values.status,
    notApplicableReason: values.status === 'not_applicable' ? values.notApplicableReason : null,
    ownerUserId: values.ownerUserId,
    dueDate: values.dueDate || null,
    notes: values.notes || null,
  });
  const schemaForm = useSchemaForm<StatusValues>({
    schema: updateRequirementStatusSchema,
    toInput: toBody,
    initialValues: {
      status: entry?.status ?? 'open',
      notApplicableReason: entry?.notApplicableReason ?? '',
      ownerUserId: entry?.ownerUserId ?? null,
      dueDate: entry?.dueDate ?? '',
      notes: entry?.notes ?? '',
    },
    onValuesChange: () => setSavedAt(null),
  });
  const { form } = schemaForm;

  const submit = schemaForm.onSubmit((values) => {
    update.mutate(toBody(values), { onSuccess: () => setSavedAt(new Date()), onError: schemaForm.showError });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="status-form">
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('requirement.status')}
          </Text>
          <SegmentedControl
            aria-label={t('requirement.status')}
            data={requirementStatuses.map((status) => ({ value: status, label: t(`requirementStatus.${status}`) }))}
            value={form.values.status}
            onChange={(value) => form.setFieldValue('status', value as RequirementStatus)}
            fullWidth
            orientation="horizontal"
            styles={{ label: { whiteSpace: 'normal' } }}
          />
        </Stack>
        {form.values.status === 'not_applicable' && (
          <Textarea
            label={t('requirement.reason')}
            description={t('requirement.reasonHint')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('notApplicableReason')}
          />
        )}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('requirement.owner')}
              placeholder={t('requirement.noOwner')}
              clearable
              searchable
              data={(members.data ?? []).map((m) => ({ value: m.userId, label: m.name }))}
              {...form.getInputProps('ownerUserId')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateInput label={t('requirement.dueDate')} {...form.getInputProps('dueDate')} />
          </Grid.Col>
        </Grid>
        <Textarea label={t('requirement.notes')} description={t('requirement.notesHint')} autosize minRows={3} {...form.getInputProps('notes')} />
        <FormProblems form={schemaForm} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {entry ? t('requirement.updatedAt', { date: formatDateTime(entry.updatedAt) }) : t('requirement.notStarted')}
          </Text>
          <Group gap="sm">
            {savedAt && (
              <Text size="sm" c="teal" fw={600} role="status" data-testid="status-saved">
                ✓ {t('requirement.saved')}
              </Text>
            )}
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

export function StatusView({ entry, organisationId }: { entry: StatusEntry | null; organisationId: string }) {
  const { t } = useTranslation();
  const members = useMembers(organisationId);
  const owner = entry?.ownerUserId ? members.data?.find((m) => m.userId === entry.ownerUserId)?.name : null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <StatusBadge status={entry?.status ?? 'open'} />
      </Group>
      {entry?.notApplicableReason && (
        <Text size="sm">
          {t('requirement.reason')}: {entry.notApplicableReason}
        </Text>
      )}
      <Text size="sm">
        {t('requirement.owner')}: {owner ?? '–'} · {t('requirement.dueDate')}: {formatDate(entry?.dueDate)}
      </Text>
      {entry?.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {entry.notes}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('requirement.readOnly')}
      </Text>
    </Stack>
  );
}

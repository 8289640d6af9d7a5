import { Alert, Anchor, Button, Card, Checkbox, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { planWeeks, ROADMAP_WEEKS, roadmapTitle, scheduleRoadmap } from '../../../domain/roadmap/roadmap.ts';
import { DateInput } from '../../components/date-input.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { ApiRequestError } from '../../lib/api.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import type { Member } from '../users/users.api.ts';
import { acceptBody, formIndexOf, initialValues, type ProposalValues, proposalFormSchema } from './proposal-values.ts';
import { QuickCheckNote, QuickCheckSummary } from './quick-check-note.tsx';
import { type RoadmapAccepted, type RoadmapProposal, type RoadmapProposalItem, useAcceptRoadmap } from './roadmap.api.ts';
import { WeekHeading } from './week-heading.tsx';

/** What someone chose stays in this tab until the plan is taken over, also when they look at another page in between. */
const draftKey = (organisationId: string) => `praxisschild.roadmap-draft.${organisationId}`;

function loadDraft(organisationId: string): ProposalValues | null {
  try {
    const raw = sessionStorage.getItem(draftKey(organisationId));
    return raw ? (JSON.parse(raw) as ProposalValues) : null;
  } catch {
    return null;
  }
}

function storeDraft(organisationId: string, values: ProposalValues | null) {
  try {
    if (values) sessionStorage.setItem(draftKey(organisationId), JSON.stringify(values));
    else sessionStorage.removeItem(draftKey(organisationId));
  } catch {
    // Without storage the choices live as long as the page.
  }
}

/** The server names the rows of the request, which holds only the chosen items: back to the rows of the form. */
function toFormRows(error: unknown, values: ProposalValues): unknown {
  if (!(error instanceof ApiRequestError)) return error;
  const rows = formIndexOf(values);
  return new ApiRequestError(
    error.status,
    error.code,
    error.issues.map((issue) =>
      issue.path[0] === 'items' && typeof issue.path[1] === 'number'
        ? { ...issue, path: ['items', rows[issue.path[1]] ?? issue.path[1], ...issue.path.slice(2)] }
        : issue,
    ),
  );
}

interface SectionProps {
  organisationId: string;
  proposal: RoadmapProposal;
  members: Member[];
  canEdit: boolean;
  nis2InScope: boolean;
}

/** The proposal: eight weeks of tasks to take over, or a note that there is nothing new. */
export function ProposalSection(props: SectionProps) {
  const { t } = useTranslation();
  const [accepted, setAccepted] = useState<RoadmapAccepted | null>(null);
  const { proposal, organisationId } = props;
  // Here rather than in the form: taking over changes the proposal, which starts a new form.
  const accept = useAcceptRoadmap(organisationId, (result) => {
    storeDraft(organisationId, null);
    setAccepted(result);
  });
  return (
    <Stack gap="md" data-testid="roadmap-proposal">
      <Title order={2} size="h3">
        {t('roadmap.proposal.title')}
      </Title>
      {accepted && (
        <Alert color="teal" variant="light" role="status" data-testid="roadmap-accepted" withCloseButton onClose={() => setAccepted(null)}>
          {accepted.created.length > 0 ? t('roadmap.proposal.accepted', { count: accepted.created.length }) : t('roadmap.proposal.acceptedNone')}
        </Alert>
      )}
      {proposal.items.length === 0 ? (
        <Card withBorder padding="lg" data-testid="roadmap-proposal-empty">
          <Text>{t('roadmap.proposal.empty')}</Text>
          {proposal.alreadyPlanned > 0 && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('roadmap.proposal.alreadyPlanned', { count: proposal.alreadyPlanned })}
            </Text>
          )}
        </Card>
      ) : (
        // A new proposal (after taking it over, or when something changed) starts a new form.
        <ProposalForm key={proposal.items.map((i) => i.key).join()} {...props} accept={accept} />
      )}
    </Stack>
  );
}

function ProposalForm({ organisationId, proposal, members, canEdit, nis2InScope, accept }: SectionProps & { accept: ReturnType<typeof useAcceptRoadmap> }) {
  const { t, i18n } = useTranslation();
  const [start] = useState(() => initialValues(proposal.items, proposal, members, canEdit ? loadDraft(organisationId) : null));
  const schemaForm = useSchemaForm<ProposalValues>({ schema: proposalFormSchema, initialValues: start });
  const { form } = schemaForm;
  const values = form.values;
  const dirty = JSON.stringify(values) !== JSON.stringify(initialValues(proposal.items, proposal, members, null));

  useEffect(() => {
    if (canEdit) storeDraft(organisationId, dirty ? values : null);
  }, [values, dirty, organisationId, canEdit]);

  const startOn = values.startOn || proposal.defaultStartOn;
  const weeks = planWeeks(startOn);
  const defaultDue = new Map(scheduleRoadmap(proposal.items, startOn, proposal.today).map((item) => [item.key, item.dueOn]));
  const rowOf = new Map(values.items.map((item, index) => [item.key, index]));
  const chosen = values.items.filter((item) => item.include).length;
  const memberOptions = members.map((m) => ({ value: m.userId, label: m.name }));

  const submit = schemaForm.onSubmit((submitted) => {
    const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'de';
    accept.mutate(acceptBody(submitted, locale), { onError: (error) => schemaForm.showError(toFormRows(error, submitted)) });
  });

  const reset = () => {
    const fresh = initialValues(proposal.items, proposal, members, null);
    form.setValues(fresh);
    form.clearErrors();
    schemaForm.setProblems([]);
    storeDraft(organisationId, null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Card withBorder padding="md">
          <Grid gap="md" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <DateInput
                label={t('roadmap.proposal.startOn')}
                description={t('roadmap.proposal.startHint')}
                clearable={false}
                disabled={!canEdit}
                data-testid="roadmap-start"
                {...form.getInputProps('startOn')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <Stack gap={4}>
                {proposal.alreadyPlanned > 0 && (
                  <Text size="sm" c="dimmed" data-testid="roadmap-already-planned">
                    {t('roadmap.proposal.alreadyPlanned', { count: proposal.alreadyPlanned })}
                  </Text>
                )}
                {canEdit && (
                  <Text size="sm" c="dimmed">
                    {t('roadmap.proposal.draftKept')}
                  </Text>
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        </Card>
        <QuickCheckSummary items={proposal.items} />
        {ROADMAP_WEEKS.map((week) => {
          const items = proposal.items.filter((item) => item.week === week);
          // The first proposal shows all eight weeks; a later one only the weeks where something new is proposed.
          if (items.length === 0 && proposal.planned) return null;
          return (
            <Card key={week} withBorder padding="md" data-testid={`proposal-week-${week}`}>
              <Stack gap="sm">
                <WeekHeading week={week} nis2InScope={nis2InScope} startsOn={weeks[week - 1]!.startsOn} endsOn={weeks[week - 1]!.endsOn} />
                {items.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('roadmap.proposal.weekEmpty')}
                  </Text>
                ) : (
                  items.map((item) => (
                    <ProposalItem
                      key={item.key}
                      organisationId={organisationId}
                      item={item}
                      row={rowOf.get(item.key) ?? 0}
                      form={form}
                      canEdit={canEdit}
                      memberOptions={memberOptions}
                      defaultDue={defaultDue.get(item.key) ?? ''}
                    />
                  ))
                )}
              </Stack>
            </Card>
          );
        })}
        {canEdit && (
          <Card withBorder padding="md" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
            <Stack gap="sm">
              {typeof form.errors.items === 'string' && (
                <Text size="sm" c="red" role="alert">
                  {form.errors.items}
                </Text>
              )}
              <FormProblems form={schemaForm} />
              <Group justify="space-between">
                <Group gap="md">
                  <Text size="sm" data-testid="roadmap-chosen">
                    {t('roadmap.proposal.chosen', { count: chosen, total: values.items.length })}
                  </Text>
                  {dirty && (
                    <Button variant="subtle" size="xs" onClick={reset}>
                      {t('roadmap.proposal.reset')}
                    </Button>
                  )}
                </Group>
                <Button type="submit" loading={accept.isPending} data-testid="roadmap-accept">
                  {t('roadmap.proposal.accept')}
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
      </Stack>
    </form>
  );
}

function ProposalItem({
  organisationId,
  item,
  row,
  form,
  canEdit,
  memberOptions,
  defaultDue,
}: {
  organisationId: string;
  item: RoadmapProposalItem;
  row: number;
  form: ReturnType<typeof useSchemaForm<ProposalValues>>['form'];
  canEdit: boolean;
  memberOptions: { value: string; label: string }[];
  defaultDue: string;
}) {
  const { t } = useTranslation();
  const title = roadmapTitle(item, (key, values) => t(key, values));
  const included = form.values.items[row]?.include ?? false;
  const path = (field: string) => `items.${row}.${field}`;
  return (
    <Card withBorder padding="sm" bg={included ? undefined : 'gray.0'} data-testid={`proposal-item-${item.key}`}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Checkbox
          mt={3}
          aria-label={`${t('roadmap.proposal.include')}: ${title}`}
          disabled={!canEdit}
          {...form.getInputProps(path('include'), { type: 'checkbox' })}
        />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} c={included ? undefined : 'dimmed'}>
            {title}
          </Text>
          {item.quickCheck && <QuickCheckNote quickCheck={item.quickCheck} />}
          <Text size="sm">{t(item.text.todo, item.params)}</Text>
          <Text size="sm" c="dimmed">
            <Text span fw={600} inherit>
              {t('roadmap.proposal.why')}:
            </Text>{' '}
            {t(item.text.why)}
          </Text>
          {item.citations.length > 0 && (
            <Text size="xs" c="dimmed" data-testid="proposal-citations">
              <Text span fw={600} inherit>
                {t('roadmap.proposal.basis')}:
              </Text>{' '}
              {item.citations.join('; ')}
            </Text>
          )}
          {item.requirementIds.length > 0 && (
            <Group gap={6}>
              {item.requirementIds.map((id) => (
                <Anchor key={id} component={Link} to={`/o/${organisationId}/catalog/${id}`} size="xs">
                  {id}
                </Anchor>
              ))}
            </Group>
          )}
          {included && (
            <Grid gap="sm" mt={4}>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label={t('roadmap.proposal.owner')}
                  placeholder={t('roadmap.proposal.ownerPlaceholder')}
                  description={t('roadmap.proposal.suggested', { role: t(`role.${item.ownerRole}`) })}
                  data={memberOptions}
                  clearable
                  searchable
                  disabled={!canEdit}
                  {...form.getInputProps(path('ownerUserId'))}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DateInput
                  label={t('roadmap.proposal.dueOn')}
                  description={t('roadmap.proposal.dueDefault', { date: formatCalendarDate(defaultDue) })}
                  disabled={!canEdit}
                  {...form.getInputProps(path('dueOn'))}
                />
              </Grid.Col>
            </Grid>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

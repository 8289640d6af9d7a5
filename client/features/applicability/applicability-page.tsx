import { Alert, Button, Card, Grid, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Stepper, Switch, Table, Text, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { targetObjectLabels, targetObjects } from '../../../domain/kbv/requirement.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { fieldErrors } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { useApplicability, useRecordKbvCheck, useRecordNis2Check, type Applicability, type HistoryEntry } from './applicability.api.ts';
import { KbvResultCard, Nis2Result, SourceNote } from './check-result.tsx';
import { emptyEnterprise, kbvRequest, nis2Request, stepOfPath, valuesFromStored, type WizardValues } from './wizard-values.ts';

type Form = UseFormReturnType<WizardValues>;
const RESULT_STEP = 3;
const draftKey = (organisationId: string) => `praxisschild.applicability-draft.${organisationId}`;

function loadDraft(organisationId: string): WizardValues | null {
  try {
    const raw = sessionStorage.getItem(draftKey(organisationId));
    return raw ? (JSON.parse(raw) as WizardValues) : null;
  } catch {
    return null;
  }
}

function saveDraft(organisationId: string, values: WizardValues) {
  try {
    sessionStorage.setItem(draftKey(organisationId), JSON.stringify(values));
  } catch {
    // Storage is a convenience only.
  }
}

export function ApplicabilityPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const applicability = useApplicability(organisationId);

  if (organisation.isPending || applicability.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  if (applicability.error) return <ErrorAlert error={applicability.error} />;
  const stored = applicability.data;
  const lastChecked = [stored.nis2?.checkedAt, stored.kbv?.checkedAt].filter(Boolean).sort().pop();
  const canRun = permissionsOf(organisation.data.me).runChecks;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('applicability.title')}
        description={
          <>
            {t('applicability.description')}{' '}
            <Text span fw={600} c="dark" data-testid="last-check">
              {lastChecked ? t('applicability.lastChecked', { date: formatDateTime(lastChecked) }) : t('applicability.neverChecked')}
            </Text>
          </>
        }
      />
      {canRun ? (
        <Wizard organisationId={organisationId} stored={stored} />
      ) : (
        <Stack gap="md">
          <Alert color="blue" variant="light">
            {t('applicability.readOnly')}
          </Alert>
          <Results stored={stored} />
        </Stack>
      )}
      <History entries={stored.history} />
    </Stack>
  );
}

function Results({ stored }: { stored: Applicability }) {
  const { t } = useTranslation();
  if (!stored.nis2 && !stored.kbv) return <Text c="dimmed">{t('applicability.noResult')}</Text>;
  return (
    <Stack gap="md">
      {stored.nis2 && <Nis2Result check={stored.nis2} />}
      {stored.kbv && <KbvResultCard check={stored.kbv} />}
      <SourceNote />
    </Stack>
  );
}

function Wizard({ organisationId, stored }: { organisationId: string; stored: Applicability }) {
  const { t } = useTranslation();
  const hasResult = Boolean(stored.nis2 || stored.kbv);
  const [draft] = useState(() => loadDraft(organisationId));
  const [active, setActive] = useState(draft || !hasResult ? 0 : RESULT_STEP);
  const [problems, setProblems] = useState<string[]>([]);
  const recordKbv = useRecordKbvCheck(organisationId);
  const recordNis2 = useRecordNis2Check(organisationId);
  const form = useForm<WizardValues>({
    mode: 'controlled',
    initialValues: draft ?? valuesFromStored(stored),
    onValuesChange: (values) => saveDraft(organisationId, values),
  });

  const go = (step: number) => {
    setActive(step);
    window.scrollTo({ top: 0 });
  };

  const submit = async () => {
    setProblems([]);
    form.clearErrors();
    const values = form.values;
    const [kbv, nis2] = await Promise.allSettled([recordKbv.mutateAsync(kbvRequest(values)), recordNis2.mutateAsync(nis2Request(values))]);
    const errors: Record<string, string> = {};
    const rest: string[] = [];
    // Server paths are relative to each request (["check","staffAwu"]); the form holds both under "kbv." and "nis2.".
    for (const [outcome, prefix] of [
      [kbv, 'kbv'],
      [nis2, 'nis2'],
    ] as const) {
      if (outcome.status === 'fulfilled') continue;
      const mapped = fieldErrors(t, outcome.reason, values[prefix]);
      for (const [path, message] of Object.entries(mapped.fields)) errors[`${prefix}.${path}`] = message;
      rest.push(...mapped.rest);
    }
    if (Object.keys(errors).length === 0 && rest.length === 0) {
      sessionStorage.removeItem(draftKey(organisationId));
      go(RESULT_STEP);
      return;
    }
    form.setErrors(errors);
    setProblems([...new Set(rest)]);
    const steps = Object.keys(errors).map(stepOfPath);
    if (steps.length > 0) go(Math.min(...steps));
  };

  const pending = recordKbv.isPending || recordNis2.isPending;
  const stepHasError = (step: number) => Object.keys(form.errors).some((path) => stepOfPath(path) === step);

  return (
    <Card withBorder padding="lg">
      <Stepper active={active} onStepClick={go} allowNextStepsSelect={hasResult} size="sm" wrap>
        <Stepper.Step label={t('applicability.steps.kbv')} color={stepHasError(0) ? 'red' : undefined}>
          <KbvStep form={form} />
        </Stepper.Step>
        <Stepper.Step label={t('applicability.steps.targets')} color={stepHasError(1) ? 'red' : undefined}>
          <TargetStep form={form} />
        </Stepper.Step>
        <Stepper.Step label={t('applicability.steps.nis2')} color={stepHasError(2) ? 'red' : undefined}>
          <Nis2Step form={form} />
        </Stepper.Step>
        <Stepper.Completed>
          <Stack gap="md">
            <Results stored={stored} />
            <Group>
              <Button variant="default" onClick={() => go(0)}>
                {t('applicability.rerun')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Completed>
      </Stepper>
      {active < RESULT_STEP && (
        <Stack gap="sm" mt="xl">
          <ErrorAlert messages={problems} />
          {Object.keys(form.errors).length > 0 && problems.length === 0 && (
            <Alert color="red" variant="light" role="alert">
              {t('applicability.fixFields')}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => go(active - 1)} disabled={active === 0}>
              {t('common.back')}
            </Button>
            {active < 2 ? (
              <Button onClick={() => go(active + 1)}>{t('common.next')}</Button>
            ) : (
              <Button onClick={() => void submit()} loading={pending}>
                {t('applicability.submit')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function Question({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      {children}
    </Stack>
  );
}

function YesNo({ form, path, label }: { form: Form; path: string; label: string }) {
  const { t } = useTranslation();
  const props = form.getInputProps(path, { type: 'checkbox' });
  return (
    <SegmentedControl
      aria-label={label}
      data-testid={path}
      value={props.checked ? 'yes' : 'no'}
      onChange={(value) => form.setFieldValue(path as never, (value === 'yes') as never)}
      data={[
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
      ]}
      w={{ base: '100%', xs: 220 }}
    />
  );
}

function KbvStep({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" mt="md">
      <Title order={2} size="h4">
        {t('applicability.kbv.title')}
      </Title>
      <Question title={t('applicability.kbv.contractPractice')} hint={t('applicability.kbv.contractPracticeHint')}>
        <YesNo form={form} path="kbv.check.contractPractice" label={t('applicability.kbv.contractPractice')} />
      </Question>
      <Question title={t('applicability.kbv.persons')} hint={t('applicability.kbv.personsHint')}>
        <NumberInput
          label={t('applicability.kbv.personsLabel')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          maw={260}
          {...form.getInputProps('kbv.check.personsHandlingData')}
        />
      </Question>
      <Question title={t('applicability.kbv.significantScale')} hint={t('applicability.kbv.significantScaleHint')}>
        <YesNo form={form} path="kbv.check.significantScaleProcessing" label={t('applicability.kbv.significantScale')} />
      </Question>
      <Question title={t('applicability.kbv.devices')} hint={t('applicability.kbv.devicesHint')}>
        <SegmentedControl
          aria-label={t('applicability.kbv.devices')}
          data-testid="kbv.check.majorMedicalDevices"
          value={form.values.kbv.check.majorMedicalDevices ? 'yes' : 'no'}
          onChange={(value) => {
            // The same fact decides Anlage 4 and the target object "medizinische Großgeräte".
            form.setFieldValue('kbv.check.majorMedicalDevices', value === 'yes');
            form.setFieldValue('kbv.targetObjects.usesMajorMedicalDevices', value === 'yes');
          }}
          data={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
          w={{ base: '100%', xs: 220 }}
        />
      </Question>
    </Stack>
  );
}

function TargetStep({ form }: { form: Form }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="md" mt="md">
      <Title order={2} size="h4">
        {t('applicability.targets.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('applicability.targets.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        {targetObjects.map((key) => {
          const label = targetObjectLabels[key][locale];
          return (
            <Card key={key} withBorder padding="sm">
              <Switch
                size="md"
                label={label.charAt(0).toUpperCase() + label.slice(1)}
                onLabel={t('common.yes')}
                offLabel={t('common.no')}
                {...form.getInputProps(`kbv.targetObjects.${key}`, { type: 'checkbox' })}
              />
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

function Nis2Step({ form }: { form: Form }) {
  const { t } = useTranslation();
  const de = currentLocale() === 'de';
  const numberFormat = { decimalSeparator: de ? ',' : '.', thousandSeparator: de ? '.' : ',' };
  const euro = { ...numberFormat, min: 0, allowNegative: false, suffix: ' €', hideControls: true };
  const awu = { decimalSeparator: numberFormat.decimalSeparator, min: 0, allowNegative: false, hideControls: true };
  const heads = { min: 0, allowDecimal: false, allowNegative: false };
  const check = form.values.nis2.check;

  return (
    <Stack gap="xl" mt="md">
      <Title order={2} size="h4">
        {t('applicability.nis2.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('applicability.nis2.intro')}
      </Text>
      <NumberInput
        label={t('applicability.nis2.financialYear')}
        description={t('applicability.nis2.financialYearHint')}
        allowDecimal={false}
        min={2000}
        max={2100}
        maw={260}
        {...form.getInputProps('nis2.financialYear')}
      />
      <Question title={t('applicability.nis2.kritis')} hint={t('applicability.nis2.kritisHint')}>
        <YesNo form={form} path="nis2.check.kritisOperator" label={t('applicability.nis2.kritis')} />
      </Question>
      <Question title={t('applicability.nis2.staff')} hint={t('applicability.nis2.staffHint')}>
        <SegmentedControl
          aria-label={t('applicability.nis2.staffMode')}
          data-testid="staffMode"
          value={form.values.staffMode}
          onChange={(value) => form.setFieldValue('staffMode', value as WizardValues['staffMode'])}
          data={[
            { value: 'awu', label: t('applicability.nis2.modeAwu') },
            { value: 'heads', label: t('applicability.nis2.modeHeads') },
          ]}
          w={{ base: '100%', sm: 'auto' }}
          maw={520}
        />
        {form.values.staffMode === 'awu' ? (
          <NumberInput
            label={t('applicability.nis2.staffAwu')}
            description={t('applicability.nis2.staffAwuHint')}
            maw={520}
            {...awu}
            {...form.getInputProps('nis2.check.staffAwu')}
          />
        ) : (
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput label={t('applicability.nis2.fullTime')} description={t('applicability.nis2.fullTimeHint')} {...heads} {...form.getInputProps('nis2.check.staff.fullTimeHeads')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput label={t('applicability.nis2.partTime')} description={t('applicability.nis2.partTimeHint')} {...heads} {...form.getInputProps('nis2.check.staff.partTimeHeads')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={t('applicability.nis2.partTimeFraction')}
                description={t('applicability.nis2.partTimeFractionHint')}
                {...awu}
                max={1}
                {...form.getInputProps('nis2.check.staff.partTimeFraction')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput label={t('applicability.nis2.apprentices')} description={t('applicability.nis2.apprenticesHint')} {...heads} {...form.getInputProps('nis2.check.staff.apprentices')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={t('applicability.nis2.parentalLeave')}
                description={t('applicability.nis2.parentalLeaveHint')}
                {...heads}
                {...form.getInputProps('nis2.check.staff.parentalLeaveHeads')}
              />
            </Grid.Col>
          </Grid>
        )}
      </Question>
      <Question title={t('applicability.nis2.money')} hint={t('applicability.nis2.moneyHint')}>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput label={t('applicability.nis2.turnover')} {...euro} {...form.getInputProps('nis2.check.annualTurnoverEur')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput label={t('applicability.nis2.balanceSheet')} {...euro} {...form.getInputProps('nis2.check.balanceSheetTotalEur')} />
          </Grid.Col>
        </Grid>
        <Text size="sm" c="dimmed">
          {t('applicability.nis2.figuresBasisHint')}
        </Text>
        <SegmentedControl
          aria-label={t('applicability.nis2.figuresBasis')}
          value={check.figuresBasis}
          onChange={(value) => form.setFieldValue('nis2.check.figuresBasis', value as WizardValues['nis2']['check']['figuresBasis'])}
          data={[
            { value: 'approved_accounts', label: t('applicability.nis2.basisAccounts') },
            { value: 'estimate', label: t('applicability.nis2.basisEstimate') },
          ]}
          w={{ base: '100%', xs: 360 }}
        />
      </Question>
      <Enterprises form={form} kind="partnerEnterprises" euro={euro} awu={awu} />
      <Enterprises form={form} kind="linkedEnterprises" euro={euro} awu={awu} />
      {(check.partnerEnterprises.length > 0 || check.linkedEnterprises.length > 0) && (
        <Question title={t('applicability.nis2.independent')} hint={t('applicability.nis2.independentHint')}>
          <YesNo form={form} path="nis2.check.independentOfGroup" label={t('applicability.nis2.independent')} />
        </Question>
      )}
    </Stack>
  );
}

function Enterprises({
  form,
  kind,
  euro,
  awu,
}: {
  form: Form;
  kind: 'partnerEnterprises' | 'linkedEnterprises';
  euro: Record<string, unknown>;
  awu: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const rows = form.values.nis2.check[kind];
  const path = `nis2.check.${kind}`;
  return (
    <Question title={t(`applicability.nis2.${kind}.title`)} hint={t(`applicability.nis2.${kind}.hint`)}>
      {rows.map((_, i) => (
        <Card key={i} withBorder padding="sm" data-testid={`${kind}-${i}`}>
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <NumberInput
                label={t('applicability.nis2.holding')}
                suffix=" %"
                min={kind === 'partnerEnterprises' ? 25 : 50}
                max={kind === 'partnerEnterprises' ? 50 : 100}
                {...awu}
                {...form.getInputProps(`${path}.${i}.holdingPercent`)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <NumberInput label={t('applicability.nis2.staffAwuShort')} {...awu} {...form.getInputProps(`${path}.${i}.staffAwu`)} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <NumberInput label={t('applicability.nis2.turnover')} {...euro} {...form.getInputProps(`${path}.${i}.annualTurnoverEur`)} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <NumberInput label={t('applicability.nis2.balanceSheet')} {...euro} {...form.getInputProps(`${path}.${i}.balanceSheetTotalEur`)} />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end" mt="xs">
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => form.removeListItem(path, i)}>
              {t('common.remove')}
            </Button>
          </Group>
        </Card>
      ))}
      <Group>
        <Button variant="light" onClick={() => form.insertListItem(path, emptyEnterprise())}>
          {t(`applicability.nis2.${kind}.add`)}
        </Button>
      </Group>
    </Question>
  );
}

function History({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('applicability.history.title')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs" striped data-testid="check-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('applicability.history.date')}</Table.Th>
              <Table.Th>{t('applicability.history.kind')}</Table.Th>
              <Table.Th>{t('applicability.history.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{formatDateTime(entry.checkedAt)}</Table.Td>
                <Table.Td>
                  {entry.kind === 'nis2' ? t('applicability.history.nis2', { year: entry.financialYear ?? '–' }) : t('applicability.history.kbv')}
                </Table.Td>
                <Table.Td>
                  {entry.kind === 'nis2'
                    ? t(`nis2Category.${entry.summary.category ?? 'not_affected'}`)
                    : `${t(`practiceSize.${entry.summary.size ?? 'small'}`)} · ${t('applicability.result.annexes', { annexes: (entry.summary.annexes ?? []).join(', ') })}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

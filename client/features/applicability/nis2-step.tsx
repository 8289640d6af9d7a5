import { Button, Card, Grid, Group, NumberInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n.ts';
import { StaffFiguresHint } from './staff-figures-hint.tsx';
import { Question, type WizardForm, YesNo } from './wizard-fields.tsx';
import { emptyEnterprise, type WizardValues } from './wizard-values.ts';

/** The annual work units the heads give (as the server computes them), or '' while the full-time heads are empty. */
function headsAwu(staff: WizardValues['nis2']['check']['staff']): number | '' {
  if (staff.fullTimeHeads === '') return '';
  return staff.fullTimeHeads + (staff.partTimeHeads === '' ? 0 : staff.partTimeHeads) * (staff.partTimeFraction === '' ? 0 : staff.partTimeFraction);
}

/** Step 3: the figures of § 28 BSIG, partner and linked enterprises, and whether health care is a negligible activity. */
export function Nis2Step({ form }: { form: WizardForm }) {
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
      <Question title={t('applicability.nis2.negligible')} hint={t('applicability.nis2.negligibleHint')}>
        <YesNo form={form} path="nis2.check.healthcareNegligible" label={t('applicability.nis2.negligible')} />
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
          <>
            <NumberInput
              label={t('applicability.nis2.staffAwu')}
              description={t('applicability.nis2.staffAwuHint')}
              maw={520}
              {...awu}
              {...form.getInputProps('nis2.check.staffAwu')}
            />
            <StaffFiguresHint
              figure="awu"
              value={form.values.nis2.check.staffAwu}
              onTake={(n) => form.setFieldValue('nis2.check.staffAwu', n)}
              reason={form.getInputProps('nis2.overrideReason')}
            />
          </>
        ) : (
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={t('applicability.nis2.fullTime')}
                description={t('applicability.nis2.fullTimeHint')}
                {...heads}
                {...form.getInputProps('nis2.check.staff.fullTimeHeads')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={t('applicability.nis2.partTime')}
                description={t('applicability.nis2.partTimeHint')}
                {...heads}
                {...form.getInputProps('nis2.check.staff.partTimeHeads')}
              />
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
              <NumberInput
                label={t('applicability.nis2.apprentices')}
                description={t('applicability.nis2.apprenticesHint')}
                {...heads}
                {...form.getInputProps('nis2.check.staff.apprentices')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={t('applicability.nis2.parentalLeave')}
                description={t('applicability.nis2.parentalLeaveHint')}
                {...heads}
                {...form.getInputProps('nis2.check.staff.parentalLeaveHeads')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <StaffFiguresHint
                figure="awu"
                value={headsAwu(form.values.nis2.check.staff)}
                onTake={(n) => {
                  form.setFieldValue('staffMode', 'awu');
                  form.setFieldValue('nis2.check.staffAwu', n);
                }}
                reason={form.getInputProps('nis2.overrideReason')}
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
  form: WizardForm;
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
        // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the form addresses them by index.
        <Card key={i} withBorder padding="sm" data-testid={`${kind}-${i}`}>
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <NumberInput
                label={t('applicability.nis2.holding')}
                suffix=" %"
                min={0}
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

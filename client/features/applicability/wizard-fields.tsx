import { Card, NumberInput, SegmentedControl, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { targetObjectLabels } from '../../../domain/kbv/requirement.ts';
import { currentLocale } from '../../lib/i18n.ts';
import type { SchemaForm } from '../../lib/use-schema-form.ts';
import { StaffFiguresHint } from './staff-figures-hint.tsx';
import { targetObjectsAsked, type WizardValues } from './wizard-values.ts';

export type WizardForm = SchemaForm<WizardValues>['form'];

export function Question({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
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

export function YesNo({ form, path, label }: { form: WizardForm; path: string; label: string }) {
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

/** Step 1: contract practice, persons handling data, scale of processing, major medical devices (KBV guideline). */
export function KbvStep({ form }: { form: WizardForm }) {
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
          required
          {...form.getInputProps('kbv.check.personsHandlingData')}
        />
        <StaffFiguresHint
          figure="kbv"
          value={form.values.kbv.check.personsHandlingData}
          onTake={(n) => form.setFieldValue('kbv.check.personsHandlingData', n)}
          reason={form.getInputProps('kbv.overrideReason')}
        />
      </Question>
      <Question title={t('applicability.kbv.significantScale')} hint={t('applicability.kbv.significantScaleHint')}>
        <YesNo form={form} path="kbv.check.significantScaleProcessing" label={t('applicability.kbv.significantScale')} />
      </Question>
      <Question title={t('applicability.kbv.devices')} hint={t('applicability.kbv.devicesHint')}>
        <YesNo form={form} path="kbv.check.majorMedicalDevices" label={t('applicability.kbv.devices')} />
      </Question>
    </Stack>
  );
}

/** Step 2: the target objects; a "no" drops the requirements that concern them. */
export function TargetStep({ form }: { form: WizardForm }) {
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
        {targetObjectsAsked.map((key) => {
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
      <Text size="sm" c="dimmed" data-testid="devices-from-step-1">
        {t(form.values.kbv.check.majorMedicalDevices ? 'applicability.targets.devicesYes' : 'applicability.targets.devicesNo')}
      </Text>
    </Stack>
  );
}

import { Button, Grid, Group, NumberInput, Select, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contractTypes, type PersonInput, personInputSchema, personRoles } from '../../../domain/people/people.schema.ts';
import { DateInput } from '../../components/date-input.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { useMembers } from '../users/users.api.ts';
import { type Person, useSavePerson } from './people.api.ts';

/** What the form holds: texts as typed, '' for an empty date, select or number. */
export interface PersonValues extends Record<string, unknown> {
  name: string;
  personnelNumber: string;
  role: string;
  locationId: string;
  /** The account in praxisschild ('' for none): a director approves under § 38 only through it. */
  userId: string;
  email: string;
  startsOn: string;
  endsOn: string;
  weeklyHours: number | string;
  contractType: string;
  handlesPatientData: boolean;
  notes: string;
}

export function personValues(person: Person | null): PersonValues {
  return {
    name: person?.name ?? '',
    personnelNumber: person?.personnelNumber ?? '',
    role: person?.role ?? 'medical_assistant',
    locationId: person?.locationId ?? '',
    userId: person?.userId ?? '',
    email: person?.email ?? '',
    startsOn: person?.startsOn ?? '',
    endsOn: person?.endsOn ?? '',
    weeklyHours: person?.weeklyHours ?? '',
    contractType: person?.contractType ?? 'permanent',
    handlesPatientData: person?.handlesPatientData ?? true,
    notes: person?.notes ?? '',
  };
}

/** The request body the form's values stand for; the shared schema checks exactly this. */
export function personInputOf(values: PersonValues) {
  return {
    ...values,
    userId: values.userId || null,
    locationId: values.locationId || null,
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    weeklyHours: values.weeklyHours === '' ? null : Number(values.weeklyHours),
  };
}

/**
 * Records or changes one person. The shared schema checks each field on leaving it (an end before the start is named
 * at the end date); a change someone else saved meanwhile (409) is reported above the buttons and what was typed stays.
 */
export function PersonForm({
  organisationId,
  person,
  locations,
  onSaved,
  onCancel,
}: {
  organisationId: string;
  person: Person | null;
  locations: { id: string; name: string }[];
  onSaved: (saved: Person) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSavePerson(organisationId);
  const toInput = (values: PersonValues) => personInputOf(values);
  const members = useMembers(organisationId);
  const schemaForm = useSchemaForm<PersonValues>({ schema: personInputSchema, initialValues: personValues(person), toInput });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => {
    const input = personInputSchema.parse(toInput(values)) as PersonInput;
    save.mutate({ id: person?.id, revision: person?.revision, input }, { onSuccess: onSaved, onError: schemaForm.showError });
  });
  const field = (name: Extract<keyof PersonValues, string>) => ({ label: t(`staff.field.${name}`), ...form.getInputProps(name) });
  const hinted = (name: Extract<keyof PersonValues, string>) => ({ ...field(name), description: t(`staff.hint.${name}`) });
  const half = { base: 12, sm: 6 };

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="sm">
        <Grid.Col span={half}>
          <TextInput {...field('name')} required data-autofocus data-testid="person-name" />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextInput {...hinted('personnelNumber')} data-testid="person-number" />
        </Grid.Col>
        <Grid.Col span={half}>
          <Select {...field('role')} allowDeselect={false} data={personRoles.map((role) => ({ value: role, label: t(`staff.role.${role}`) }))} />
        </Grid.Col>
        <Grid.Col span={half}>
          <Select {...hinted('contractType')} allowDeselect={false} data={contractTypes.map((c) => ({ value: c, label: t(`staff.contractType.${c}`) }))} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <DateInput {...hinted('startsOn')} data-testid="person-starts" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <DateInput {...hinted('endsOn')} data-testid="person-ends" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <NumberInput
            {...hinted('weeklyHours')}
            min={0.5}
            max={80}
            step={0.5}
            decimalScale={1}
            decimalSeparator=","
            allowNegative={false}
            data-testid="person-hours"
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Switch {...hinted('handlesPatientData')} {...form.getInputProps('handlesPatientData', { type: 'checkbox' })} />
        </Grid.Col>
        {locations.length > 0 && (
          <Grid.Col span={half}>
            <Select
              {...field('locationId')}
              placeholder={t('staff.notSet')}
              clearable
              data={locations.map((l) => ({ value: l.id, label: l.name }))}
              onChange={(value) => form.setFieldValue('locationId', value ?? '')}
            />
          </Grid.Col>
        )}
        <Grid.Col span={half}>
          <TextInput {...hinted('email')} type="email" />
        </Grid.Col>
        <Grid.Col span={half}>
          <Select
            {...hinted('userId')}
            placeholder={t('staff.noAccount')}
            clearable
            searchable
            data={(members.data ?? []).map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }))}
            onChange={(value) => form.setFieldValue('userId', value ?? '')}
            data-testid="person-account"
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea {...field('notes')} autosize minRows={2} maxRows={6} />
        </Grid.Col>
        <Grid.Col span={12}>
          <FormProblems form={schemaForm} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="person-save">
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

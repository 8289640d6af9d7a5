import { Button, Grid, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LocationDraft } from '../features/setup/setup.api.ts';

export const emptyLocation = (): LocationDraft => ({ name: '', street: '', postalCode: '', city: '' });

type InputProps = (path: string) => object;

/**
 * One block per location (Standort) inside a larger form. `prefix` is the form path of the list,
 * e.g. "organisation.locations", so server errors like ["organisation","locations",0,"name"] land in place.
 */
export function LocationRows({
  locations,
  prefix,
  getInputProps,
  onAdd,
  onRemove,
}: {
  locations: LocationDraft[];
  prefix: string;
  getInputProps: InputProps;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {locations.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a new location has no id yet, and form paths are by position too
        <Paper key={index} withBorder p="sm" radius="sm" data-testid={`location-row-${index}`}>
          <Group justify="space-between" mb={4}>
            <Text fw={500} size="sm">
              {t('locations.rowLegend', { n: index + 1 })}
            </Text>
            {locations.length > 1 && (
              <Button variant="subtle" color="red" size="compact-sm" onClick={() => onRemove(index)}>
                {t('locations.removeRow')}
              </Button>
            )}
          </Group>
          <Grid gap="xs">
            <Grid.Col span={12}>
              <TextInput label={t('locations.name')} description={t('locations.nameHint')} required {...getInputProps(`${prefix}.${index}.name`)} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput label={t('locations.street')} autoComplete="street-address" {...getInputProps(`${prefix}.${index}.street`)} />
            </Grid.Col>
            <Grid.Col span={{ base: 5, sm: 4 }}>
              <TextInput
                label={t('locations.postalCode')}
                inputMode="numeric"
                autoComplete="postal-code"
                maxLength={5}
                {...getInputProps(`${prefix}.${index}.postalCode`)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 7, sm: 8 }}>
              <TextInput label={t('locations.city')} autoComplete="address-level2" {...getInputProps(`${prefix}.${index}.city`)} />
            </Grid.Col>
          </Grid>
        </Paper>
      ))}
      <Button variant="light" onClick={onAdd} w="fit-content">
        {t('locations.addRow')}
      </Button>
    </Stack>
  );
}

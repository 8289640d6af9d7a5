import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EscalationSuggestion } from './registration.api.ts';
import type { FieldProps, RegistrationForm } from './registration-values.ts';

const MAX_ROWS = 10;
const emptyRow = () => ({ role: '', name: '', phone: '', email: '' });

/**
 * Who is called, in which order, when something happens: rows to add, remove and move. The suggestion fills the
 * three roles with the members holding them (the managing director among them), not with empty names.
 */
export function EscalationRows({
  form,
  field,
  canEdit,
  suggestion,
}: {
  form: RegistrationForm;
  field: FieldProps;
  canEdit: boolean;
  suggestion: EscalationSuggestion[];
}) {
  const { t } = useTranslation();
  const rows = form.values.escalation;
  const suggested = suggestion.map((s) => t(`registration.escalation.roles.${s.role}`));
  const applySuggestion = () =>
    form.setFieldValue(
      'escalation',
      suggestion.map((s) => ({ role: t(`registration.escalation.roles.${s.role}`), name: s.name, email: s.email, phone: '' })),
    );

  return (
    <Stack gap="sm">
      {rows.length === 0 && (
        <Card withBorder bg="gray.0" padding="md">
          <Stack gap="xs">
            <Text size="sm">{t('registration.escalation.empty')}</Text>
            {canEdit && (
              <Group>
                <Button variant="light" size="sm" onClick={applySuggestion} data-testid="escalation-suggest">
                  {t('registration.escalation.useSuggestion')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      )}
      {rows.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the form addresses (and reorders) them by index.
        <Card key={index} withBorder padding="sm" data-testid={`escalation-row-${index}`}>
          <Stack gap="xs">
            <Group justify="space-between" gap="xs">
              <Text fw={600} size="sm">
                {t('registration.escalation.step', { number: index + 1 })}
              </Text>
              {canEdit && (
                <Group gap={4}>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    disabled={index === 0}
                    onClick={() => form.reorderListItem('escalation', { from: index, to: index - 1 })}
                    aria-label={t('registration.escalation.moveUpLabel', { number: index + 1 })}
                  >
                    ↑ {t('registration.escalation.moveUp')}
                  </Button>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    disabled={index === rows.length - 1}
                    onClick={() => form.reorderListItem('escalation', { from: index, to: index + 1 })}
                    aria-label={t('registration.escalation.moveDownLabel', { number: index + 1 })}
                  >
                    ↓ {t('registration.escalation.moveDown')}
                  </Button>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() => form.removeListItem('escalation', index)}
                    aria-label={t('registration.escalation.removeLabel', { number: index + 1 })}
                  >
                    {t('common.remove')}
                  </Button>
                </Group>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
              <TextInput label={t('registration.escalation.role')} placeholder={suggested[index] ?? ''} {...field(`escalation.${index}.role`)} />
              <TextInput label={t('registration.escalation.name')} {...field(`escalation.${index}.name`)} />
              <TextInput label={t('registration.fields.personPhone')} type="tel" {...field(`escalation.${index}.phone`)} />
              <TextInput label={t('registration.fields.personEmail')} type="email" {...field(`escalation.${index}.email`)} />
            </SimpleGrid>
          </Stack>
        </Card>
      ))}
      {canEdit && (
        <Group>
          <Button
            variant="default"
            disabled={rows.length >= MAX_ROWS}
            onClick={() => form.insertListItem('escalation', emptyRow())}
            data-testid="escalation-add"
          >
            {t('registration.escalation.add')}
          </Button>
          {rows.length >= MAX_ROWS && (
            <Text size="sm" c="dimmed">
              {t('registration.escalation.max', { max: MAX_ROWS })}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

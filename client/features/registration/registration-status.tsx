import { Alert, Anchor, Badge, Button, Card, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../lib/format.ts';
import type { Registration } from './registration.api.ts';
import { inputId } from './registration-values.ts';

/** Moves to a field named in the list of what is missing. */
function focusField(path: string) {
  const element = document.getElementById(inputId(path));
  element?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  element?.focus({ preventScroll: true });
}

/** Whether the practice must register, by when, and what is still open. */
export function RegistrationStatus({ organisationId, registration }: { organisationId: string; registration: Registration }) {
  const { t } = useTranslation();
  const { category, readiness } = registration;
  const registered = registration.setup.checklist.registeredInPortal;
  const due = formatCalendarDate(readiness.dueDate);
  const complete = readiness.missing.length === 0 && readiness.invalid.length === 0;
  const badge = registered
    ? readiness.ready
      ? { color: 'green', label: t('registration.status.registered') }
      : { color: 'yellow', label: t('registration.status.registeredOpen') }
    : complete
      ? { color: 'green', label: t('registration.status.ready') }
      : { color: readiness.required && readiness.isOverdue ? 'red' : 'yellow', label: t('registration.status.notReady') };

  return (
    <Card withBorder padding="lg" data-testid="registration-status">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 360px' }}>
            <Text fw={600} size="lg">
              {category === null
                ? t('registration.status.noCheckTitle')
                : readiness.required
                  ? t('registration.status.requiredTitle', { category: t(`registration.category.${category}`) })
                  : t('registration.status.notRequiredTitle')}
            </Text>
            <Text size="sm" c="dimmed">
              {category === null
                ? t('registration.status.noCheck')
                : readiness.required
                  ? t('registration.status.required')
                  : t('registration.status.notRequired')}
            </Text>
          </Stack>
          <Badge size="lg" variant="light" color={badge.color} data-testid="registration-ready" style={{ flexShrink: 0 }}>
            {badge.label}
          </Badge>
        </Group>

        {category === null && (
          <Group>
            <Button component={Link} to={`/o/${organisationId}/applicability`} variant="light">
              {t('registration.status.toCheck')}
            </Button>
          </Group>
        )}

        {(readiness.required || category === null) && !registered && (
          <Text fw={500} c={readiness.isOverdue ? 'red' : undefined} data-testid="registration-due">
            {readiness.isOverdue ? t('registration.status.overdue', { date: due }) : t('registration.status.due', { date: due })}
          </Text>
        )}

        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={500}>
              {t('registration.status.checklist')}
            </Text>
            <Text size="sm" data-testid="registration-checklist-count">
              {t('registration.status.done', { done: readiness.checklistDone, total: readiness.checklistTotal })}
            </Text>
          </Group>
          <Progress
            value={(readiness.checklistDone / readiness.checklistTotal) * 100}
            color={readiness.checklistDone === readiness.checklistTotal ? 'green' : 'blue'}
            aria-hidden
          />
        </Stack>

        {readiness.invalid.length > 0 && (
          <Alert color="red" variant="light" title={t('registration.status.invalidTitle')} data-testid="registration-invalid">
            <List size="sm" spacing={2}>
              {readiness.invalid.map((path) => (
                <List.Item key={path}>
                  <Anchor component="button" type="button" size="sm" c="dark" underline="always" onClick={() => focusField(path)}>
                    {t(`registration.missing.${path}`, { defaultValue: path })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {readiness.missing.length > 0 ? (
          <Alert color="yellow" variant="light" title={t('registration.status.missingTitle')} data-testid="registration-missing">
            <List size="sm" spacing={2}>
              {readiness.missing.map((path) => (
                <List.Item key={path}>
                  <Anchor component="button" type="button" size="sm" c="dark" underline="always" onClick={() => focusField(path)}>
                    {t(`registration.missing.${path}`, { defaultValue: path })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Text size="sm" c="green.8">
            {t('registration.status.complete')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

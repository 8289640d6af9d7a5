import { Alert, Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { formatDecimal, type Person, statusColor, useDeletePerson, usePeopleSummary, usePerson } from './people.api.ts';
import { PersonForm } from './person-form.tsx';

/**
 * One person: a stack of cards, the facts first. Sections of other parts of the register (accounts and checklists,
 * training) are added below as cards of their own.
 */
export function PersonPage({ sections }: { sections?: (person: { id: string; role: string }) => ReactNode }) {
  const { t } = useTranslation();
  const { organisationId = '', personId = '' } = useParams();
  const navigate = useNavigate();
  const person = usePerson(organisationId, personId);
  const organisation = useOrganisation(organisationId);
  const summary = usePeopleSummary(organisationId);
  const remove = useDeletePerson(organisationId, () => navigate(`/o/${organisationId}/staff`));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState<Person | null>(null);

  if (person.isPending || organisation.isPending) return <PageLoader />;
  if (person.error) return <ErrorAlert error={person.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const p = person.data;
  const canEdit = isAllowed('people.edit', organisation.data.me);
  const locations = organisation.data.locations;
  const date = (value: string | null) => (value ? formatCalendarDate(value) : '');
  const today = new Date().toISOString().slice(0, 10);
  const deletable = p.status === 'future' || (p.status === 'leaver' && p.deletableFrom !== null && p.deletableFrom <= today);
  const facts: [string, string][] = [
    [t('staff.field.personnelNumber'), p.personnelNumber],
    [t('staff.field.role'), t(`staff.role.${p.role}`)],
    [t('staff.field.contractType'), t(`staff.contractType.${p.contractType}`)],
    [t('staff.field.startsOn'), date(p.startsOn)],
    [t('staff.field.endsOn'), date(p.endsOn)],
    [t('staff.field.weeklyHours'), p.weeklyHours === null ? '' : formatDecimal(p.weeklyHours, currentLocale(), 1)],
    [t('staff.field.handlesPatientData'), t(p.handlesPatientData ? 'staff.yes' : 'staff.no')],
    [t('staff.field.locationId'), p.locationId ? (locations.find((l) => l.id === p.locationId)?.name ?? '') : ''],
    [t('staff.field.email'), p.email],
  ];

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/staff`} size="sm">
        ← {t('staff.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t('staff.kicker')}
          </Text>
          <Group gap="sm">
            <Title order={1} size="h2">
              {p.name}
            </Title>
            <Badge variant="light" color={statusColor[p.status]} data-testid="person-status">
              {t(`staff.status.${p.status}`)}
            </Badge>
          </Group>
        </Stack>
        {canEdit && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setEditing(true)} data-testid="person-edit">
              {t('staff.edit')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDeleting(p)} disabled={!deletable} title={deletable ? undefined : t('staff.removeBlocked')}>
              {t('common.remove')}
            </Button>
          </Group>
        )}
      </Group>
      <Card withBorder padding="lg" data-testid="person-facts">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
          {facts.map(([label, value]) => (
            <Stack key={label} gap={0}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {value || '–'}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {p.notes && (
          <Stack gap={0} mt="md">
            <Text size="xs" c="dimmed">
              {t('staff.field.notes')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {p.notes}
            </Text>
          </Stack>
        )}
      </Card>
      {p.status === 'leaver' && summary.data && (
        <Alert color="gray" variant="light" title={t('staff.retention.title')}>
          <Text size="sm">
            {t('staff.retention.text', { months: summary.data.retentionMonths })}{' '}
            {p.deletableFrom && t('staff.retention.deletableFrom', { date: formatCalendarDate(p.deletableFrom) })}
          </Text>
        </Alert>
      )}
      {sections?.({ id: p.id, role: p.role })}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('staff.edit')} size="xl">
        {editing && (
          <PersonForm organisationId={organisationId} person={p} locations={locations} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />
        )}
      </Modal>
      <ConfirmModal
        subject={deleting}
        title={t('staff.removeTitle')}
        text={t('staff.removeText', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.remove')}
        mutation={remove}
        keyOf={(x) => x.id}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

import { Alert, Badge, Button, Card, Code, CopyButton, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type CalendarPreferences, calendarPreferencesSchema, type FeedScope } from '../../../domain/calendar/calendar.schema.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormProblems } from '../../components/form-problems.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import {
  type CalendarFeed,
  type CreatedFeed,
  useCalendarFeeds,
  useCalendarPreferences,
  useCreateFeed,
  useRevokeFeed,
  useRotateFeed,
  useSaveCalendarPreferences,
} from './calendar.api.ts';

/** Calendar feeds to subscribe to and the reminder mails (issue 11, item 4). */
export function CalendarPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const feeds = useCalendarFeeds(organisationId);
  if (feeds.isPending) return <PageLoader />;
  if (feeds.error) return <ErrorAlert error={feeds.error} />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('calendar.title')} description={t('calendar.description')} />
      <FeedCard organisationId={organisationId} scope="personal" feed={feeds.data.personal} canManage />
      <FeedCard organisationId={organisationId} scope="organisation" feed={feeds.data.organisation} canManage={feeds.data.canManageOrganisationFeed} />
      <PreferencesCard organisationId={organisationId} />
    </Stack>
  );
}

function FeedCard({ organisationId, scope, feed, canManage }: { organisationId: string; scope: FeedScope; feed: CalendarFeed | null; canManage: boolean }) {
  const { t } = useTranslation();
  const create = useCreateFeed(organisationId);
  const [shown, setShown] = useState<CreatedFeed | null>(null);
  const rotate = useRotateFeed(organisationId, setShown);
  const revoke = useRevokeFeed(organisationId);
  const [toRotate, setToRotate] = useState<CalendarFeed | null>(null);
  const [toRevoke, setToRevoke] = useState<CalendarFeed | null>(null);

  return (
    <Card withBorder padding="lg" data-testid={`feed-${scope}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {t(`calendar.${scope}.title`)}
          </Title>
          {feed && (
            <Badge color="teal" variant="light">
              {t('calendar.address.active')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{t(`calendar.${scope}.contents`)}</Text>
        {feed ? (
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {feed.rotatedAt
                ? t('calendar.address.rotatedAt', { date: formatDateTime(feed.rotatedAt) })
                : t('calendar.address.createdAt', { date: formatDateTime(feed.createdAt) })}
            </Text>
            <Text size="sm" c="dimmed" data-testid={`feed-${scope}-fetched`}>
              {feed.lastFetchedAt ? t('calendar.address.lastFetched', { date: formatDateTime(feed.lastFetchedAt) }) : t('calendar.address.neverFetched')}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('calendar.address.none')}
          </Text>
        )}
        {shown && <CreatedAddress created={shown} onClose={() => setShown(null)} />}
        {create.error && <ErrorAlert error={create.error} />}
        {canManage ? (
          <Group gap="sm">
            {feed ? (
              <>
                <Button variant="default" onClick={() => setToRotate(feed)} data-testid={`feed-${scope}-rotate`}>
                  {t('calendar.address.rotate')}
                </Button>
                <Button variant="subtle" color="red" onClick={() => setToRevoke(feed)} data-testid={`feed-${scope}-revoke`}>
                  {t('calendar.address.revoke')}
                </Button>
              </>
            ) : (
              <Button loading={create.isPending} onClick={() => create.mutate(scope, { onSuccess: setShown })} data-testid={`feed-${scope}-create`}>
                {t('calendar.address.create')}
              </Button>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('calendar.organisation.notAllowed')}
          </Text>
        )}
      </Stack>
      <ConfirmModal
        subject={toRotate}
        title={t('calendar.address.rotateConfirmTitle')}
        text={t('calendar.address.rotateConfirm')}
        confirmLabel={t('calendar.address.rotate')}
        color="blue"
        mutation={rotate}
        keyOf={(f) => f.id}
        onClose={() => setToRotate(null)}
      />
      <ConfirmModal
        subject={toRevoke}
        title={t('calendar.address.revokeConfirmTitle')}
        text={t('calendar.address.revokeConfirm')}
        confirmLabel={t('calendar.address.revoke')}
        mutation={revoke}
        keyOf={(f) => f.id}
        onClose={() => {
          setToRevoke(null);
          setShown(null);
        }}
      />
    </Card>
  );
}

/** The secret address, shown this once after it was made or renewed. */
function CreatedAddress({ created, onClose }: { created: CreatedFeed; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('calendar.address.urlTitle')} withCloseButton onClose={onClose} data-testid="feed-url-alert">
      <Stack gap="sm">
        <Text size="sm">{t('calendar.address.urlOnce')}</Text>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Code block style={{ flex: 1, minWidth: 0, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="feed-url" data-url={created.url}>
            {created.url}
          </Code>
          <CopyButton value={created.url}>
            {({ copied, copy }) => (
              <Button size="xs" variant={copied ? 'filled' : 'default'} color={copied ? 'green' : undefined} onClick={copy} style={{ flexShrink: 0 }}>
                {copied ? t('calendar.address.copied') : t('calendar.address.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('calendar.address.howTo')}
        </Text>
      </Stack>
    </Alert>
  );
}

function PreferencesCard({ organisationId }: { organisationId: string }) {
  const preferences = useCalendarPreferences(organisationId);
  if (preferences.isPending) return <PageLoader />;
  if (preferences.error) return <ErrorAlert error={preferences.error} />;
  return <PreferencesForm organisationId={organisationId} initial={preferences.data} />;
}

function PreferencesForm({ organisationId, initial }: { organisationId: string; initial: CalendarPreferences }) {
  const { t } = useTranslation();
  const save = useSaveCalendarPreferences(organisationId);
  const [saved, setSaved] = useState(false);
  const schemaForm = useSchemaForm({ schema: calendarPreferencesSchema, initialValues: initial, onValuesChange: () => setSaved(false) });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) => save.mutate(values, { onSuccess: () => setSaved(true), onError: schemaForm.showError }));
  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate data-testid="calendar-preferences">
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('calendar.preferences.title')}
          </Title>
          <Switch
            label={t('calendar.preferences.taskReminders')}
            description={t('calendar.preferences.taskRemindersHint')}
            {...form.getInputProps('taskReminders', { type: 'checkbox' })}
          />
          <Switch
            label={t('calendar.preferences.dailyDigest')}
            description={t('calendar.preferences.dailyDigestHint')}
            {...form.getInputProps('dailyDigest', { type: 'checkbox' })}
            data-testid="daily-digest"
          />
          <FormProblems form={schemaForm} />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {t('calendar.preferences.save')}
            </Button>
            {saved && (
              <Text size="sm" c="teal.8" role="status">
                {t('calendar.preferences.saved')}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

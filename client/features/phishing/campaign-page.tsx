import { Alert, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { CampaignForm } from './campaign-form.tsx';
import { CampaignReport } from './campaign-report.tsx';
import { type Campaign, statusColor, useCampaign, useCloseCampaign, useDeleteCampaign, useSettings, useTemplates } from './phishing.api.ts';
import { spreadLabel } from './phishing-texts.ts';

/** One campaign: a draft is edited here; a started one shows how sending goes, then the aggregate report. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { organisationId = '', campaignId = '' } = useParams();
  const navigate = useNavigate();
  const organisation = useOrganisation(organisationId);
  const campaign = useCampaign(organisationId, campaignId);
  const templates = useTemplates(organisationId);
  const settings = useSettings(organisationId);
  const close = useCloseCampaign(organisationId);
  const remove = useDeleteCampaign(organisationId, () => navigate(`/o/${organisationId}/phishing`, { replace: true }));
  const [closing, setClosing] = useState<Campaign | null>(null);
  const [deleting, setDeleting] = useState<Campaign | null>(null);

  if (organisation.isPending || campaign.isPending || templates.isPending || settings.isPending) return <PageLoader />;
  const error = organisation.error ?? campaign.error ?? templates.error ?? settings.error;
  if (error) return <ErrorAlert error={error} />;
  const c = campaign.data!;
  const canManage = isAllowed('phishing.manage', organisation.data!.me);
  const isDraft = c.status === 'draft';

  return (
    <Stack gap="lg" maw={isDraft ? 1000 : undefined}>
      <PageHeader
        title={c.name}
        description={
          <Badge color={statusColor[c.status]} variant="light" size="lg" style={{ textTransform: 'none' }} data-testid="phishing-status">
            {t(`phishing.status.${c.status}`)} · {t(`phishing.mode.${c.mode}`)}
          </Badge>
        }
        actions={
          canManage && (
            <Group gap="sm">
              {(isDraft || c.status === 'closed') && (
                <Button variant="default" color="red" onClick={() => setDeleting(c)} data-testid="phishing-delete">
                  {isDraft ? t('phishing.deleteDraft') : t('phishing.delete')}
                </Button>
              )}
              {!isDraft && c.status !== 'closed' && (
                <Button color="red" variant="light" onClick={() => setClosing(c)} data-testid="phishing-close">
                  {t('phishing.close.button')}
                </Button>
              )}
            </Group>
          )
        }
      />
      {isDraft ? (
        canManage ? (
          <CampaignForm
            key={c.id}
            organisationId={organisationId}
            campaign={c}
            templates={templates.data!.items}
            locations={organisation.data!.locations}
            settings={settings.data!}
          />
        ) : (
          <Alert color="yellow">{t('phishing.draftReadOnly')}</Alert>
        )
      ) : (
        <>
          <Delivery campaign={c} />
          {c.status === 'scheduled' ? null : <CampaignReport organisationId={organisationId} campaignId={c.id} />}
        </>
      )}
      <ConfirmModal
        subject={closing}
        title={t('phishing.close.title')}
        text={t('phishing.close.text')}
        confirmLabel={t('phishing.close.confirm')}
        mutation={close}
        keyOf={(subject) => subject.id}
        onClose={() => setClosing(null)}
      />
      <ConfirmModal
        subject={deleting}
        title={t('phishing.deleteTitle')}
        text={t('phishing.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('phishing.deleteConfirm')}
        mutation={remove}
        keyOf={(subject) => subject.id}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

/** Where sending stands: planned start and window, how many mails went out, are waiting or failed. */
function Delivery({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { delivery: d } = c;
  const done = d.recipients > 0 ? Math.round((100 * (d.sent + d.failed)) / d.recipients) : 0;
  return (
    <Card withBorder padding="lg" data-testid="phishing-delivery">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {t('phishing.delivery.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`phishing.delivery.state.${c.status}`)}
          </Text>
        </Group>
        {d.recipients > 0 && <Progress value={done} aria-label={t('phishing.delivery.title')} color={d.failed > 0 ? 'orange' : 'teal'} />}
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label={t('phishing.field.recipients')} value={d.recipients} />
          <Figure label={t('phishing.delivery.sent')} value={d.sent} testId="phishing-delivery-sent" />
          <Figure label={t('phishing.delivery.pending')} value={d.pending} />
          <Figure label={t('phishing.delivery.failed')} value={d.failed} />
        </SimpleGrid>
        <Text size="sm">
          {t('phishing.delivery.when', {
            start: c.startsAt ? formatDateTime(c.startsAt) : '–',
            spread: spreadLabel(t, c.spreadMinutes),
          })}
        </Text>
        {c.status !== 'closed' && c.closesAt && <Text size="sm">{t('phishing.delivery.closesAt', { at: formatDateTime(c.closesAt) })}</Text>}
        {d.failed > 0 && <Alert color="orange">{t('phishing.delivery.failedHint', { count: d.failed })}</Alert>}
      </Stack>
    </Card>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { CampaignForm } from './campaign-form.tsx';
import { NamedModeBanner, namedAgreementOf } from './named-mode-banner.tsx';
import { type CampaignSummary, statusColor, useCampaignReport, useCampaigns, useSettings, useTemplates } from './phishing.api.ts';
import { percent } from './phishing-texts.ts';

/** Phishing-Simulation: the campaigns with their state and results, and the way to a new one. */
export function PhishingPage() {
  const { t, i18n } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const campaigns = useCampaigns(organisationId);
  const templates = useTemplates(organisationId);
  const settings = useSettings(organisationId);

  if (organisation.isPending || campaigns.isPending || templates.isPending || settings.isPending) return <PageLoader />;
  const error = organisation.error ?? campaigns.error ?? templates.error ?? settings.error;
  if (error) return <ErrorAlert error={error} />;
  const canManage = isAllowed('phishing.manage', organisation.data!.me);
  const base = `/o/${organisationId}/phishing`;
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'de';
  const titleOf = (id: string) => templates.data!.items.find((item) => item.id === id)?.[locale].title ?? id;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('phishing.title')}
        description={t('phishing.description')}
        actions={
          <Group gap="sm">
            <Button component={Link} to={`${base}/settings`} variant="default" data-testid="phishing-settings-link">
              {t('phishing.settings.nav')}
            </Button>
            {canManage && (
              <Button component={Link} to={`${base}/new`} data-testid="phishing-new">
                {t('phishing.newCampaign')}
              </Button>
            )}
          </Group>
        }
      />
      {settings.data!.namedMode && <NamedModeBanner agreement={namedAgreementOf(settings.data!.namedMode)} />}
      <Alert color="blue" variant="light" title={t('phishing.promise.title')}>
        <Text size="sm">{t('phishing.promise.text')}</Text>
      </Alert>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('phishing.campaigns')}
          </Title>
          {campaigns.data!.length === 0 ? (
            <Text size="sm">{canManage ? t('phishing.noCampaigns') : t('phishing.noCampaignsReader')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover data-testid="phishing-campaigns">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('phishing.field.name')}</Table.Th>
                    <Table.Th>{t('phishing.field.status')}</Table.Th>
                    <Table.Th>{t('phishing.field.start')}</Table.Th>
                    <Table.Th ta="right">{t('phishing.field.recipients')}</Table.Th>
                    <Table.Th ta="right">{t('phishing.result.clicked')}</Table.Th>
                    <Table.Th ta="right">{t('phishing.result.reported')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {campaigns.data!.map((c) => (
                    <CampaignRow key={c.id} organisationId={organisationId} campaign={c} templateTitle={titleOf(c.templateId)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

function CampaignRow({ organisationId, campaign: c, templateTitle }: { organisationId: string; campaign: CampaignSummary; templateTitle: string }) {
  const { t } = useTranslation();
  const started = c.status !== 'draft';
  const report = useCampaignReport(organisationId, c.id, started && c.status !== 'scheduled');
  const totals = report.data?.totals;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/o/${organisationId}/phishing/${c.id}`}>
          {c.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {templateTitle} · {t(`phishing.mode.${c.mode}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={statusColor[c.status]} variant="light" style={{ textTransform: 'none' }}>
          {t(`phishing.status.${c.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{c.startsAt ? formatDateTime(c.startsAt) : started ? '–' : t('phishing.list.whenStarted')}</Table.Td>
      <Table.Td ta="right">{started ? c.delivery.recipients : '–'}</Table.Td>
      <Table.Td ta="right">{totals ? percent(totals.clicked, totals.sent) : '–'}</Table.Td>
      <Table.Td ta="right">{totals ? percent(totals.reported, totals.sent) : '–'}</Table.Td>
    </Table.Tr>
  );
}

/** Neue Kampagne: the form, starting from the first template in the reader's language. */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  const templates = useTemplates(organisationId);
  const settings = useSettings(organisationId);
  if (organisation.isPending || templates.isPending || settings.isPending) return <PageLoader />;
  const error = organisation.error ?? templates.error ?? settings.error;
  if (error) return <ErrorAlert error={error} />;
  return (
    <Stack gap="lg" maw={1000}>
      <PageHeader title={t('phishing.newCampaign')} description={t('phishing.form.description')} />
      {isAllowed('phishing.manage', organisation.data!.me) ? (
        <CampaignForm
          organisationId={organisationId}
          campaign={null}
          templates={templates.data!.items}
          locations={organisation.data!.locations}
          settings={settings.data!}
        />
      ) : (
        <Alert color="yellow">{t('phishing.readOnly')}</Alert>
      )}
    </Stack>
  );
}

import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate, formatDate } from '../../lib/format.ts';
import { EvidencePackCard } from '../evidence-pack/evidence-pack.api.ts';
import { type DocumentSummary, useDocuments } from './documents.api.ts';

function StateLine({ item }: { item: DocumentSummary }) {
  const { t } = useTranslation();
  if (item.latestVersion === null)
    return (
      <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
        {t('documents.page.noVersion')}
      </Badge>
    );
  return (
    <Group gap={6}>
      <Badge variant="light" color="blue" style={{ textTransform: 'none' }}>
        {t('documents.page.latest', { number: item.latestVersion })}
      </Badge>
      {item.latestApprovedAt ? (
        <Badge variant="light" color="green" style={{ textTransform: 'none' }}>
          {t('documents.page.approvedOn', { date: formatDate(item.latestApprovedAt) })}
        </Badge>
      ) : (
        <Badge variant="light" color="orange" style={{ textTransform: 'none' }}>
          {t('documents.page.notApproved')}
        </Badge>
      )}
      {item.reviewDue && (
        <Badge variant="light" color={item.reviewOverdue ? 'red' : 'gray'} style={{ textTransform: 'none' }}>
          {t(item.reviewOverdue ? 'documents.page.reviewOverdue' : 'documents.page.reviewDue', { date: formatCalendarDate(item.reviewDue) })}
        </Badge>
      )}
    </Group>
  );
}

/** Every document the practice keeps: what it is for, its latest version, approval and review. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const documents = useDocuments(organisationId);
  if (documents.isPending) return <PageLoader />;
  if (documents.error) return <ErrorAlert error={documents.error} />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('documents.page.title')} description={t('documents.page.description')} />
      <EvidencePackCard organisationId={organisationId} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {documents.data.items.map((item) => (
          <Card key={item.kind} withBorder padding="md" data-testid={`document-card-${item.kind}`}>
            <Stack gap="xs" h="100%">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Title order={3} size="h4">
                  {t(`documents.kind.${item.kind}.title`)}
                </Title>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t(item.prose ? 'documents.page.prose' : 'documents.page.fromData')}
                </Text>
              </Group>
              <Text size="sm">{t(`documents.kind.${item.kind}.description`)}</Text>
              <StateLine item={item} />
              <Group mt="auto" pt="xs">
                <Button
                  component={Link}
                  to={item.kind}
                  variant="light"
                  size="xs"
                  aria-label={`${t('documents.page.open')}: ${t(`documents.kind.${item.kind}.title`)}`}
                >
                  {t('documents.page.open')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

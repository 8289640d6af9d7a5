import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { documentKindSchema } from '../../../domain/documents/documents.schema.ts';
import { NotFoundPage } from '../../app/not-found-page.tsx';
import { permissionsOf } from '../../app/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { DocumentTextsForm } from './document-texts-form.tsx';
import { DocumentVersions } from './document-versions.tsx';
import { type DocumentKind, documentFileUrl, useDocument } from './documents.api.ts';

function DocumentView({ organisationId, kind }: { organisationId: string; kind: DocumentKind }) {
  const { t } = useTranslation();
  const document = useDocument(organisationId, kind);
  const organisation = useOrganisation(organisationId);
  if (document.isPending || organisation.isPending) return <PageLoader />;
  if (document.error) return <ErrorAlert error={document.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const detail = document.data;
  const canEdit = permissionsOf(organisation.data.me).editDocuments;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/documents`} size="sm">
        ← {t('documents.page.back')}
      </Anchor>
      <PageHeader title={t(`documents.kind.${kind}.title`)} description={t(`documents.kind.${kind}.description`)} />
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('documents.page.draftTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('documents.page.draftHint')}
          </Text>
          {detail.prose &&
            (detail.unfinished.length > 0 ? (
              <Alert color="orange" variant="light" title={t('documents.page.gapsTitle')} data-testid="document-gaps">
                <Text size="sm" mb="xs">
                  {t('documents.page.gapsHint')}
                </Text>
                <List size="sm">
                  {[...new Set(detail.unfinished.flatMap((text) => text.match(/\[[^\]]+\]/g) ?? [text]))].map((gap) => (
                    <List.Item key={gap}>{gap.replace(/^\[(?:ergänzen|to be completed):\s*/, '').replace(/\]$/, '')}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <Text size="sm" c="green" data-testid="document-complete">
                {t('documents.page.noGaps')}
              </Text>
            ))}
          <Group gap="sm">
            <Button component="a" href={documentFileUrl(organisationId, kind, 'pdf', null)} download variant="default" data-testid="draft-pdf">
              {t('documents.page.downloadPdf')}
            </Button>
            <Button component="a" href={documentFileUrl(organisationId, kind, 'docx', null)} download variant="default" data-testid="draft-docx">
              {t('documents.page.downloadDocx')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {detail.prose && canEdit && (
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('documents.page.textsTitle')}
            </Title>
            <DocumentTextsForm key={detail.kind} organisationId={organisationId} detail={detail} />
          </Stack>
        </Card>
      )}
      <DocumentVersions organisationId={organisationId} detail={detail} canEdit={canEdit} />
    </Stack>
  );
}

/** One document: the draft and its gaps, the practice's own wording, the versions and management's approval. */
export function DocumentPage() {
  const { organisationId = '', kind = '' } = useParams();
  const parsed = documentKindSchema.safeParse(kind);
  if (!parsed.success) return <NotFoundPage />;
  return <DocumentView organisationId={organisationId} kind={parsed.data} />;
}

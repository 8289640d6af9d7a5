import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The address of the pack; the index inside is written in `locale`. */
export const evidencePackUrl = (organisationId: string, locale: 'de' | 'en') =>
  `/api/v1/organisations/${organisationId}/evidence-pack?${new URLSearchParams({ locale })}`;

/**
 * "Nachweispaket für die Prüfung": what the pack holds and a button that downloads it. Every member may download it,
 * the auditor included; the download is recorded in the audit trail.
 */
export function EvidencePackCard({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'de';
  return (
    <Card withBorder data-testid="evidence-pack">
      <Stack gap="xs" align="flex-start">
        <Title order={3} size="h4">
          {t('evidencePack.card.title')}
        </Title>
        <Text size="sm">{t('evidencePack.card.text')}</Text>
        <Text size="sm" c="dimmed">
          {t('evidencePack.card.note')}
        </Text>
        <Button component="a" href={evidencePackUrl(organisationId, locale)} download data-testid="evidence-pack-download">
          {t('evidencePack.card.download')}
        </Button>
      </Stack>
    </Card>
  );
}

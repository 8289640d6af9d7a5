import { Badge, Box, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fillPlaceholders } from '../../../domain/phishing/campaign-rules.ts';
import type { PhishingLocale } from '../../../domain/phishing/phishing.schema.ts';
import type { PhishingTemplate } from './phishing.api.ts';

interface TemplatePreviewProps {
  template: PhishingTemplate;
  locale: PhishingLocale;
  subject: string;
  senderName: string;
  senderAddress: string;
  bodyHtml: string;
}

/**
 * The mail's HTML in a shadow root: its styles stay inside, and nothing in it runs (markup set as HTML never runs
 * scripts, and the app's Content-Security-Policy allows no inline script). A frame would inherit the policy's
 * frame-ancestors 'none' and stay empty. Links are '#' and inert.
 */
function MailBody({ html, label, lang }: { html: string; label: string; lang: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>:host{all:initial;display:block}a{pointer-events:none}</style><div lang="${lang}">${html}</div>`;
  }, [html, lang]);
  return (
    <Box
      ref={host}
      role="group"
      aria-label={label}
      p="sm"
      mah={360}
      style={{ overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: '#fff' }}
    />
  );
}

/**
 * The mail as a recipient would see it (placeholders filled with an example person, the links going nowhere) beside
 * the clues the teaching page will list after a click.
 */
export function TemplatePreview({ template, locale, subject, senderName, senderAddress, bodyHtml }: TemplatePreviewProps) {
  const { t } = useTranslation();
  const sample = {
    firstName: t('phishing.preview.sampleFirstName'),
    name: t('phishing.preview.sampleName'),
    organisation: t('phishing.preview.sampleOrganisation'),
    date: new Date(Date.now() + 3 * 86_400_000).toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB'),
    senderName,
    link: '#',
    reportLink: '#',
  };
  const html = fillPlaceholders(bodyHtml, sample, true);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="phishing-preview">
      <Card withBorder padding="sm" bg="white">
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('phishing.preview.title')}
          </Text>
          <Text size="sm">
            <b>{t('phishing.preview.from')}</b> {senderName} &lt;{senderAddress}&gt;
          </Text>
          <Text size="sm">
            <b>{t('phishing.preview.subject')}</b> {fillPlaceholders(subject, sample, false)}
          </Text>
          <MailBody html={html} label={t('phishing.preview.frameTitle')} lang={locale} />
        </Stack>
      </Card>
      <Card withBorder padding="sm">
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Title order={3} size="h5">
              {t('phishing.preview.clues')}
            </Title>
            <Badge variant="light" color={template.difficulty === 1 ? 'teal' : template.difficulty === 2 ? 'orange' : 'red'} style={{ textTransform: 'none' }}>
              {t(`phishing.difficulty.${template.difficulty}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('phishing.preview.cluesHint')}
          </Text>
          <List size="sm" spacing={4} data-testid="phishing-clues">
            {template[locale].clues.map((clue) => (
              <List.Item key={clue}>{clue}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {t(`phishing.landing.${template.landing}`)}
          </Text>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

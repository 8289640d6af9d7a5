import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { RiskTemplateItem } from '../../../domain/risks/risks.response.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { currentLocale } from '../../lib/i18n.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { RiskLevelBadge } from './risk-heat-map.tsx';
import { useAdoptTemplate, useAxisLabel, useRiskTemplates } from './risks.api.ts';

/** The template library in the UI language: one click adopts a template as a risk and opens it for adapting. */
export function RiskTemplatesPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const navigate = useNavigate();
  const locale = currentLocale();
  const organisation = useOrganisation(organisationId);
  const templates = useRiskTemplates(organisationId, locale);
  const adopt = useAdoptTemplate(organisationId, locale);
  const axisLabel = useAxisLabel(organisationId);
  const [adopting, setAdopting] = useState<string | null>(null);

  if (organisation.isPending || templates.isPending) return <PageLoader />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  if (templates.error) return <ErrorAlert error={templates.error} />;
  const can = permissionsOf(organisation.data.me);
  const run = (template: RiskTemplateItem) => {
    setAdopting(template.id);
    adopt.mutate(template.id, {
      onSuccess: (risk) => navigate(`/o/${organisationId}/risks/${risk.id}`),
      onSettled: () => setAdopting(null),
    });
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/risks`} size="sm">
        ← {t('risks.back')}
      </Anchor>
      <PageHeader title={t('risks.templates.title')} description={t('risks.templates.description')} />
      {adopt.error && <ErrorAlert error={adopt.error} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {templates.data.items.map((template) => (
          <Card key={template.id} withBorder padding="lg" data-testid={`risk-template-${template.id}`}>
            <Stack gap="xs" h="100%">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Title order={2} size="h5">
                  {template.title}
                </Title>
                <RiskLevelBadge score={template.score} level={template.level} />
              </Group>
              <Text size="sm">{template.description}</Text>
              <Text size="xs" c="dimmed">
                {t('risks.templates.rating', {
                  likelihood: axisLabel('likelihood', template.likelihood),
                  impact: axisLabel('impact', template.impact),
                })}
              </Text>
              <Text size="sm">
                <b>{t('risks.field.measures')}:</b> {template.measures}
              </Text>
              <Group gap={4}>
                {template.requirementIds.map((id) => (
                  <Badge key={id} variant="outline" color="gray.7" style={{ textTransform: 'none' }}>
                    {id}
                  </Badge>
                ))}
              </Group>
              <Group justify="flex-end" mt="auto">
                {template.adopted ? (
                  <Badge color="teal.9" variant="outline" size="lg" style={{ textTransform: 'none' }}>
                    {t('risks.templates.adopted')}
                  </Badge>
                ) : (
                  can.editRegisters && (
                    <Button
                      size="xs"
                      onClick={() => run(template)}
                      loading={adopting === template.id}
                      disabled={adopting !== null && adopting !== template.id}
                      aria-label={t('risks.templates.adoptNamed', { title: template.title })}
                    >
                      {t('risks.templates.adopt')}
                    </Button>
                  )
                )}
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

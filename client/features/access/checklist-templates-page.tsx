import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ChecklistItemInput, type ChecklistKind, checklistKinds, checklistTemplateInputSchema } from '../../../domain/access/access.schema.ts';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { useChecklistTemplate, useResetChecklistTemplate, useSaveChecklistTemplate } from './access.api.ts';

/** The on- and offboarding checklists of the organisation: items in order, added, removed, moved; back to the defaults. */
export function ChecklistTemplatesPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const [kind, setKind] = useState<ChecklistKind>('onboarding');
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/access`} size="sm">
        ← {t('access.back')}
      </Anchor>
      <PageHeader title={t('access.templates.title')} description={t('access.templates.description')} />
      <SegmentedControl
        value={kind}
        onChange={(value) => setKind(value as ChecklistKind)}
        data={checklistKinds.map((k) => ({ value: k, label: t(`access.checklist.${k}`) }))}
        w="fit-content"
        data-testid="template-kind"
      />
      <TemplateEditor key={kind} organisationId={organisationId} kind={kind} />
    </Stack>
  );
}

type Row = ChecklistItemInput & { key: number };
let rowKeys = 0;
const nextKey = () => ++rowKeys;

function TemplateEditor({ organisationId, kind }: { organisationId: string; kind: ChecklistKind }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language.startsWith('en') ? 'en' : 'de';
  const organisation = useOrganisation(organisationId);
  const template = useChecklistTemplate(organisationId, kind, locale);
  const save = useSaveChecklistTemplate(organisationId, kind);
  const reset = useResetChecklistTemplate(organisationId, kind, locale);
  // Each row keeps a key of its own while it moves up and down.
  const [items, setItems] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (template.data) setItems(template.data.items.map((item) => ({ ...item, key: nextKey() })));
  }, [template.data]);

  if (template.isPending || organisation.isPending || !items) return <PageLoader />;
  if (template.error) return <ErrorAlert error={template.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const canEdit = isAllowed('people.edit', organisation.data.me);
  const check = checklistTemplateInputSchema.safeParse({ items: items.map(({ key: _key, ...item }) => item) });
  const problemAt = (index: number) => check.error?.issues.find((issue) => issue.path[0] === 'items' && issue.path[1] === index && issue.path[2] === 'title');
  const change = (next: Row[]) => {
    setItems(next);
    setSaved(false);
  };
  const move = (index: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    change(next);
  };

  return (
    <Card withBorder padding="lg" data-testid="template-editor">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t(`access.checklist.${kind}`)}
          </Title>
          <Badge variant="light" color={template.data.isDefault ? 'gray' : 'blue'} style={{ textTransform: 'none' }} data-testid="template-origin">
            {template.data.isDefault ? t('access.templates.isDefault') : t('access.templates.custom')}
          </Badge>
        </Group>
        {items.map((item, index) => (
          <Group key={item.key} align="flex-start" gap="xs" wrap="nowrap" data-testid="template-item">
            <Stack gap={4} style={{ flex: 1 }}>
              <TextInput
                aria-label={t('access.templates.itemTitle', { n: index + 1 })}
                placeholder={t('access.templates.itemTitle', { n: index + 1 })}
                value={item.title}
                disabled={!canEdit}
                error={problemAt(index) ? t('issues.too_big') : undefined}
                maxLength={200}
                onChange={(event) => change(items.map((it, i) => (i === index ? { ...it, title: event.currentTarget.value } : it)))}
              />
              <TextInput
                size="xs"
                aria-label={t('access.templates.itemHint')}
                placeholder={t('access.templates.itemHint')}
                value={item.hint}
                disabled={!canEdit}
                onChange={(event) => change(items.map((it, i) => (i === index ? { ...it, hint: event.currentTarget.value } : it)))}
              />
            </Stack>
            {canEdit && (
              <Group gap={2} wrap="nowrap">
                <ActionIcon variant="subtle" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('access.templates.up')}>
                  ↑
                </ActionIcon>
                <ActionIcon variant="subtle" disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label={t('access.templates.down')}>
                  ↓
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  disabled={items.length === 1}
                  onClick={() => change(items.filter((_, i) => i !== index))}
                  aria-label={t('access.templates.remove')}
                >
                  ✕
                </ActionIcon>
              </Group>
            )}
          </Group>
        ))}
        {save.error && <ErrorAlert error={save.error} />}
        {reset.error && <ErrorAlert error={reset.error} />}
        {saved && (
          <Alert color="green" variant="light" data-testid="template-saved">
            {t('access.templates.saved')}
          </Alert>
        )}
        {canEdit && (
          <Group justify="space-between">
            <Group gap="xs">
              <Button
                variant="light"
                disabled={items.length >= 50}
                onClick={() => change([...items, { title: '', hint: '', key: nextKey() }])}
                data-testid="template-add"
              >
                {t('access.templates.add')}
              </Button>
              <Button
                variant="subtle"
                color="gray"
                disabled={template.data.isDefault}
                loading={reset.isPending}
                onClick={() => reset.mutate(undefined, { onSuccess: () => setSaved(false) })}
              >
                {t('access.templates.reset')}
              </Button>
            </Group>
            <Button
              disabled={!check.success}
              loading={save.isPending}
              onClick={() => check.success && save.mutate(check.data.items, { onSuccess: () => setSaved(true) })}
              data-testid="template-save"
            >
              {t('common.save')}
            </Button>
          </Group>
        )}
        {!check.success && (
          <Text size="xs" c="red">
            {t('issues.invalid')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

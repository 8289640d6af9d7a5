import { Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { documentPlaceholders, documentTextsSchema } from '../../../domain/documents/documents.schema.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { useSchemaForm } from '../../lib/use-schema-form.ts';
import { type DocumentDetail, type DocumentKind, useSaveDocumentTexts } from './documents.api.ts';

interface TextsValues extends Record<string, unknown> {
  texts: Record<string, string>;
  reviewMonths: number | '';
}

const draftKey = (organisationId: string, kind: DocumentKind, revision: number) => `praxisschild.document.${organisationId}.${kind}.${revision}`;

function loadDraft(key: string): TextsValues | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as TextsValues) : null;
  } catch {
    return null;
  }
}

function storeDraft(key: string, values: TextsValues | null) {
  try {
    if (values) sessionStorage.setItem(key, JSON.stringify(values));
    else sessionStorage.removeItem(key);
  } catch {
    // Without storage the typed text lives as long as the page.
  }
}

/** The locale subtree of a kind: security_policy → securityPolicy. */
export const kindKey = (kind: DocumentKind) => kind.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());

/**
 * The wording of a prose document, one box per section, prefilled with the practice's own text or the default. What
 * is typed stays in the tab until it is saved (a reload or a slip of the mouse loses nothing). A text left as the
 * default is sent empty, so the default keeps following the app's updates.
 */
export function DocumentTextsForm({ organisationId, detail }: { organisationId: string; detail: DocumentDetail }) {
  const { t } = useTranslation();
  const save = useSaveDocumentTexts(organisationId, detail.kind);
  const key = draftKey(organisationId, detail.kind, detail.revision);
  const stored: TextsValues = {
    texts: Object.fromEntries(detail.sections.map((s) => [s.key, s.text ?? s.defaultText])),
    reviewMonths: detail.reviewMonths,
  };
  const toInput = (values: TextsValues) => ({
    revision: detail.revision,
    reviewMonths: values.reviewMonths === '' ? Number.NaN : Number(values.reviewMonths),
    texts: Object.fromEntries(
      detail.sections.map((s) => {
        const text = values.texts[s.key] ?? '';
        return [s.key, text.trim() === s.defaultText.trim() ? '' : text];
      }),
    ),
  });
  const schemaForm = useSchemaForm<TextsValues>({
    schema: documentTextsSchema.extend({ reviewMonths: z.number().int().min(1).max(36) }),
    initialValues: loadDraft(key) ?? stored,
    toInput,
    onValuesChange: (values) => storeDraft(key, values),
  });
  const { form } = schemaForm;
  const submit = schemaForm.onSubmit((values) =>
    save.mutate(toInput(values) as { revision: number; texts: Record<string, string>; reviewMonths: number }, {
      onSuccess: () => {
        storeDraft(key, null);
        form.resetDirty(values);
      },
      onError: (error) => schemaForm.showError(error),
    }),
  );
  const heading = (section: string) => t(`documents.${kindKey(detail.kind)}.sections.${section}.heading`);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('documents.page.textsHint')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('documents.page.placeholders', { list: documentPlaceholders.map((p) => `{{${p}}}`).join(' · ') })}
        </Text>
        {detail.sections.map((section) => {
          const value = form.values.texts[section.key] ?? '';
          const own = value.trim() !== section.defaultText.trim();
          return (
            <Stack key={section.key} gap={4}>
              <Textarea
                label={heading(section.key)}
                description={own ? t('documents.page.ownText') : t('documents.page.defaultText')}
                autosize
                minRows={3}
                maxRows={14}
                data-testid={`section-${section.key}`}
                {...form.getInputProps(`texts.${section.key}`)}
              />
              {own && (
                <Group justify="flex-end">
                  <Button variant="subtle" size="compact-xs" onClick={() => form.setFieldValue(`texts.${section.key}`, section.defaultText)}>
                    {t('documents.page.reset')}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        })}
        <NumberInput
          label={t('documents.page.reviewMonths')}
          description={t('documents.page.reviewMonthsHint')}
          min={1}
          max={36}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          maw={260}
          data-testid="review-months"
          {...form.getInputProps('reviewMonths')}
        />
        <FormProblems form={schemaForm} />
        <Group justify="space-between">
          <Text size="sm" c="green" aria-live="polite" data-testid="texts-saved">
            {save.isSuccess && !form.isDirty() ? t('documents.page.saved') : ''}
          </Text>
          <Button type="submit" loading={save.isPending} data-testid="texts-save">
            {t('documents.page.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Anchor, Badge, Button, FileInput, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetDefinition } from '../../domain/common/spreadsheet.ts';
import { type Session, sessionKey } from '../features/auth/auth.api.ts';
import { ApiRequestError } from '../lib/api.ts';
import { issueText } from '../lib/form-errors.ts';
import { ErrorAlert } from './error-alert.tsx';

type Mapping = Record<string, string | null>;
interface PreviewRow {
  row: number;
  action: 'create' | 'update' | 'error';
  errors: { column: number | null; field: string; code: string }[];
}
export interface ImportPreview {
  columns: string[];
  mapping: Mapping;
  rows: PreviewRow[];
  counts: { rows: number; create: number; update: number; error: number };
}

/** The register's import routes: /api/v1/organisations/{id}/{register}/import[/preview|/template]. */
const base = (organisationId: string, register: string) => `/api/v1/organisations/${organisationId}/${register}/import`;
/** Multipart upload: lib/api.ts speaks JSON only, so this sends the same CSRF header itself. */
async function send<T>(url: string, file: File, mapping: Mapping | undefined, csrfToken: string | null): Promise<T> {
  const body = new FormData();
  if (mapping) body.append('mapping', JSON.stringify(mapping));
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError(0, 'network');
  }
  const data = (await response.json().catch(() => null)) as { code?: string; issues?: ApiRequestError['issues'] } | null;
  if (!response.ok) throw new ApiRequestError(response.status, data?.code ?? (response.status >= 500 ? 'internal' : 'unknown'), data?.issues ?? []);
  return data as T;
}

const actionColor = { create: 'green', update: 'blue', error: 'red' } as const;

export interface SheetImportProps {
  organisationId: string;
  /** The register's column definition; its `register` names the routes, the texts (`<register>.import.*`) and the cache. */
  sheet: SheetDefinition;
  /** Prefix of the test ids: `<testId>-import-file`, `<testId>-template-xlsx` … */
  testId: string;
  onDone: (result: { created: number; updated: number }) => void;
}

/**
 * The import dialog of every register (server/spreadsheet/import.ts does the work): choose a file, check the column
 * mapping and the preview (what each row would do, and why a row cannot be imported), then import all rows at once.
 * Nothing is written before that.
 */
export function SheetImport({ organisationId, sheet, testId, onDone }: SheetImportProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  /** Titles mapped by hand in this dialog: a corrected file chosen again keeps them. */
  const [chosenTitles, setChosenTitles] = useState<Record<string, string | null>>({});
  const csrfToken = () => {
    const session = queryClient.getQueryData<Session>(sessionKey);
    return session && session.state !== 'anonymous' ? session.csrfToken : null;
  };
  const check = useMutation({
    mutationFn: async ({ chosen, mapping }: { chosen: File; mapping?: Mapping }) => {
      const first = await send<ImportPreview>(`${base(organisationId, sheet.register)}/preview`, chosen, mapping, csrfToken());
      if (mapping) return first;
      // The server applies the mapping this organisation's last import of the register used (by column title); a
      // corrected file chosen again in this dialog keeps what the person mapped by hand here.
      const again: Mapping = { ...first.mapping };
      let changed = false;
      first.columns.forEach((title, index) => {
        const field = chosenTitles[title];
        if (field !== undefined && again[index] !== field && !Object.values(again).includes(field)) {
          again[index] = field;
          changed = true;
        }
      });
      return changed ? send<ImportPreview>(`${base(organisationId, sheet.register)}/preview`, chosen, again, csrfToken()) : first;
    },
    onSuccess: setPreview,
  });
  const run = useMutation({
    mutationFn: () => send<{ created: number; updated: number }>(base(organisationId, sheet.register), file!, preview!.mapping, csrfToken()),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: [sheet.register, organisationId] });
      onDone(result);
    },
  });

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    run.reset();
    if (chosen) check.mutate({ chosen });
  };
  const remap = (index: number, field: string | null) => {
    if (!file || !preview) return;
    const mapping: Mapping = { ...preview.mapping };
    // A field belongs to one column: choosing it here takes it from the other.
    for (const [key, value] of Object.entries(mapping)) if (field && value === field) mapping[key] = null;
    mapping[index] = field;
    setChosenTitles((titles) => ({ ...titles, ...Object.fromEntries(preview.columns.map((title, i) => [title, mapping[i] ?? null])) }));
    check.mutate({ chosen: file, mapping });
  };
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'de';
  const fieldOptions = [
    { value: '', label: t(`${sheet.register}.import.unmapped`) },
    ...sheet.columns.map((column) => ({ value: column.field, label: t(column.title) })),
  ];
  const fieldLabel = (field: string) => {
    const column = sheet.columns.find((c) => c.field === field);
    return column ? t(column.title) : field;
  };
  const problem = (error: PreviewRow['errors'][number]) =>
    `${fieldLabel(error.field)}: ${issueText(t, { path: [error.field], code: error.code, message: error.code })}`;
  const canRun = preview !== null && preview.counts.error === 0 && preview.counts.rows > 0 && !check.isPending;

  return (
    <Stack gap="md">
      <Text size="sm">{t(`${sheet.register}.import.intro`)}</Text>
      <Group gap="md">
        {(['xlsx', 'csv'] as const).map((format) => (
          <Anchor
            key={format}
            size="sm"
            href={`${base(organisationId, sheet.register)}/template?format=${format}&locale=${locale}`}
            download
            data-testid={`${testId}-template-${format}`}
          >
            {t(format === 'xlsx' ? `${sheet.register}.import.templateXlsx` : `${sheet.register}.import.templateCsv`)}
          </Anchor>
        ))}
      </Group>
      <FileInput
        label={t(`${sheet.register}.import.file`)}
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={choose}
        clearable
        data-testid={`${testId}-import-file`}
      />
      <ErrorAlert error={check.error ?? run.error ?? undefined} />
      {preview && (
        <>
          <Text fw={500} size="sm">
            {t(`${sheet.register}.import.mapping`)}
          </Text>
          <Table withTableBorder striped data-testid={`${testId}-import-mapping`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${sheet.register}.import.column`)}</Table.Th>
                <Table.Th>{t(`${sheet.register}.import.field`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.columns.map((title, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a file column is identified by its position (the mapping is by index)
                <Table.Tr key={index}>
                  <Table.Td>{title}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`${t(`${sheet.register}.import.field`)}: ${title}`}
                      data={fieldOptions}
                      value={preview.mapping[index] ?? ''}
                      onChange={(value) => remap(index, value || null)}
                      allowDeselect={false}
                      size="xs"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Alert color={preview.counts.error > 0 ? 'red' : 'blue'} variant="light" data-testid={`${testId}-import-counts`}>
            {t(`${sheet.register}.import.counts`, preview.counts)}
          </Alert>
          <Table withTableBorder data-testid={`${testId}-import-rows`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${sheet.register}.import.row`)}</Table.Th>
                <Table.Th>{t(`${sheet.register}.import.action`)}</Table.Th>
                <Table.Th>{t(`${sheet.register}.import.problems`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => (
                <Table.Tr key={row.row} data-row={row.row}>
                  <Table.Td>{row.row}</Table.Td>
                  <Table.Td>
                    <Badge color={actionColor[row.action]} variant="light">
                      {t(`${sheet.register}.import.${row.action}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {row.errors.map((error) => (
                      <Text key={`${error.field}-${error.code}`} size="sm" c="red">
                        {problem(error)}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {preview.rows.length < preview.counts.rows && (
            <Text size="xs" c="dimmed">
              {t(`${sheet.register}.import.more`)}
            </Text>
          )}
        </>
      )}
      <Group justify="flex-end">
        <Button onClick={() => run.mutate()} disabled={!canRun} loading={run.isPending} data-testid={`${testId}-import-run`}>
          {t(`${sheet.register}.import.run`)}
        </Button>
      </Group>
    </Stack>
  );
}

import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * "Exportieren" → XLSX or CSV of a register, with the list's current filters and in the page's language; the server
 * writes the file (server/spreadsheet/export.ts), the browser only follows the link.
 */
export function ExportMenu({ url, filters, testId }: { url: string; filters: Record<string, string | null | undefined>; testId: string }) {
  const { t, i18n } = useTranslation();
  const href = (format: 'xlsx' | 'csv') => {
    const search = new URLSearchParams({ format, locale: i18n.resolvedLanguage === 'en' ? 'en' : 'de' });
    for (const [name, value] of Object.entries(filters)) if (value) search.set(name, value);
    return `${url}?${search}`;
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default">{t('sheetExport.button')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {(['xlsx', 'csv'] as const).map((format) => (
          <Menu.Item key={format} component="a" href={href(format)} download data-testid={`${testId}-${format}`}>
            {t(`sheetExport.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

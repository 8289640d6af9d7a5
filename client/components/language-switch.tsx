import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Session, saveLocale, sessionKey } from '../features/auth/auth.api.ts';
import { currentLocale, type Locale, rememberLocale } from '../lib/i18n.ts';

/** Deutsch/English. Remembered in this browser, and in the profile of a signed-in person. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const change = (value: string) => {
    const locale: Locale = value === 'en' ? 'en' : 'de';
    rememberLocale(locale);
    void i18n.changeLanguage(locale);
    const session = queryClient.getQueryData<Session>(sessionKey);
    if (session?.state === 'active') void saveLocale(locale).catch(() => undefined);
  };
  return (
    <SegmentedControl
      size="xs"
      value={currentLocale()}
      onChange={change}
      aria-label={t('language.label')}
      data={[
        { value: 'de', label: 'DE' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

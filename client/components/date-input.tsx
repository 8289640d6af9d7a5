import { DateInput as MantineDateInput, type DateInputProps as MantineDateInputProps } from '@mantine/dates';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import { useTranslation } from 'react-i18next';
import { dateInputFormat, parseTypedDate } from '../lib/date-input-format.ts';

export type DateInputProps = Omit<MantineDateInputProps, 'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'locale'> & {
  /** A calendar date, YYYY-MM-DD, or '' when empty (as form values keep it). */
  value?: string;
  onChange?: (value: string) => void;
};

/**
 * A calendar date typed or picked in the user's language: DD.MM.YYYY in German, DD/MM/YYYY in English, never the
 * browser's own picker (which follows the browser's language, not the app's). The value stays YYYY-MM-DD.
 */
export function DateInput({ value, onChange, ...props }: DateInputProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'de';
  return (
    <MantineDateInput
      {...props}
      value={value || null}
      onChange={(next) => onChange?.(next ?? '')}
      valueFormat={dateInputFormat[locale]}
      dateParser={(text) => parseTypedDate(text, locale)}
      placeholder={props.placeholder ?? t('dateInput.placeholder')}
      locale={locale === 'de' ? 'de' : 'en-gb'}
      clearable={props.clearable ?? true}
      ariaLabels={{
        nextMonth: t('dateInput.nextMonth'),
        previousMonth: t('dateInput.previousMonth'),
        nextYear: t('dateInput.nextYear'),
        previousYear: t('dateInput.previousYear'),
        nextDecade: t('dateInput.nextDecade'),
        previousDecade: t('dateInput.previousDecade'),
        monthLevelControl: t('dateInput.chooseMonth'),
        yearLevelControl: t('dateInput.chooseYear'),
      }}
      clearButtonProps={{ 'aria-label': t('dateInput.clear') }}
    />
  );
}

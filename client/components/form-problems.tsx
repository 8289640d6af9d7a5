import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';

/**
 * The one error block of a form: problems that belong to no field, and — while a submit left marked fields — a
 * sentence pointing at them. It disappears as soon as the fields are fixed.
 */
export function FormProblems({ form }: { form: { problems: string[]; hasFieldErrors: boolean } }) {
  const { t } = useTranslation();
  const lines = [...(form.hasFieldErrors ? [t('forms.checkFields')] : []), ...form.problems];
  return <ErrorAlert messages={lines} />;
}

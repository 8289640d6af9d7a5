import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/form-errors.ts';

/** A problem that belongs to no single field, in plain words. */
export function ErrorAlert({ error, messages, title }: { error?: unknown; messages?: string[]; title?: string }) {
  const { t } = useTranslation();
  const lines = messages ?? (error ? [errorText(t, error)] : []);
  if (lines.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={title ?? t('common.problem')} role="alert">
      {lines.length === 1 ? (
        lines[0]
      ) : (
        <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

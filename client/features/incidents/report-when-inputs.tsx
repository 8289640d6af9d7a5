import { Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface WhenParts {
  date: string;
  time: string;
}

/**
 * Date (TT.MM.JJJJ) and time (HH:MM) side by side, both Berlin time and German whatever the browser's language (plain
 * text inputs: the browser's own picker would show its own format). A form keeps the typed parts and the instant they
 * make under the request's field name, so that its schema, the blur check and the server's 400 all meet at one field;
 * the message stands under the pair, both inputs are marked.
 */
export function BerlinWhenInputs({
  value,
  onChange,
  onBlur,
  dateLabel,
  timeLabel,
  error,
  testId,
  required = true,
}: {
  value: WhenParts;
  onChange: (value: WhenParts) => void;
  /** Checks the pair when the user leaves it (either input). */
  onBlur?: () => void;
  dateLabel: string;
  timeLabel: string;
  error?: unknown;
  testId?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  const hintId = useId();
  const message = typeof error === 'string' && error ? error : null;
  const dateRef = useRef<HTMLInputElement>(null);
  const timeRef = useRef<HTMLInputElement>(null);
  // Mantine links an input only to its own message; both inputs of the pair are described by the pair's message and
  // the Berlin-time hint (set here because Mantine's own aria-describedby would replace a prop).
  useEffect(() => {
    const described = message ? `${errorId} ${hintId}` : hintId;
    for (const input of [dateRef.current, timeRef.current]) input?.setAttribute('aria-describedby', described);
  }, [message, errorId, hintId]);
  return (
    <Stack gap={4} data-testid={testId}>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          label={dateLabel}
          placeholder={t('incidents.datePlaceholder')}
          value={value.date}
          onChange={(event) => onChange({ ...value, date: event.currentTarget.value })}
          onBlur={onBlur}
          error={Boolean(message)}
          ref={dateRef}
          inputMode="numeric"
          autoComplete="off"
          w={170}
          required={required}
        />
        <TextInput
          label={timeLabel}
          placeholder={t('incidents.timePlaceholder')}
          value={value.time}
          onChange={(event) => onChange({ ...value, time: event.currentTarget.value })}
          onBlur={onBlur}
          error={Boolean(message)}
          ref={timeRef}
          inputMode="numeric"
          autoComplete="off"
          w={120}
          required={required}
        />
      </Group>
      {message && (
        <Input.Error id={errorId} data-testid={testId ? `${testId}-error` : undefined}>
          {message}
        </Input.Error>
      )}
      <Text size="xs" c="dimmed" id={hintId}>
        {t('incidents.berlinTime')}
      </Text>
    </Stack>
  );
}

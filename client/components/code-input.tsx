import { TextInput, type TextInputProps } from '@mantine/core';

/** The six digits from the authenticator app: digits only, one-time-code autofill, easy to read. */
export function CodeInput(props: Omit<TextInputProps, 'onChange' | 'value'> & { value: string; onChange: (value: string) => void }) {
  const { value, onChange, ...rest } = props;
  return (
    <TextInput
      {...rest}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      placeholder="123456"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: '1.4rem', letterSpacing: '0.3em', maxWidth: 220 } }}
    />
  );
}

import { Alert, Button, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Opens a small print window with the codes only (no app around them), for the folder with the emergency papers. */
function printCodes(title: string, hint: string, codes: string[]) {
  const win = window.open('', '_blank', 'width=480,height=640');
  if (!win) return;
  const doc = win.document;
  doc.title = title;
  const h1 = doc.createElement('h1');
  h1.textContent = title;
  const p = doc.createElement('p');
  p.textContent = hint;
  const list = doc.createElement('ol');
  list.style.fontFamily = 'monospace';
  list.style.fontSize = '18px';
  for (const code of codes) {
    const item = doc.createElement('li');
    item.textContent = code;
    list.appendChild(item);
  }
  doc.body.append(h1, p, list);
  win.focus();
  win.print();
}

/** The ten recovery codes, shown once: copy, print, and a clear word that they will not be shown again. */
export function RecoveryCodes({ codes, onContinue, continueLabel }: { codes: string[]; onContinue?: () => void; continueLabel?: string }) {
  const { t } = useTranslation();
  const all = codes.join('\n');
  return (
    <Stack gap="md" data-testid="recovery-codes">
      <Text>{t('recovery.shownOnce')}</Text>
      <SimpleGrid
        cols={{ base: 1, xs: 2 }}
        spacing="xs"
        verticalSpacing={6}
        p="sm"
        bg="gray.0"
        style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}
      >
        {codes.map((code, i) => (
          <Text key={code} ff="monospace" fz="lg" data-testid="recovery-code" data-code={code}>
            <Text span c="dimmed" fz="sm" mr={6}>
              {String(i + 1).padStart(2, '\u2007')}.
            </Text>
            {code}
          </Text>
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <CopyButton value={all}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? t('common.copied') : t('recovery.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" onClick={() => printCodes(t('recovery.printTitle'), t('recovery.printHint'), codes)}>
          {t('recovery.print')}
        </Button>
      </Group>
      <Alert variant="light" color="orange">
        {t('recovery.keepSafe')}
      </Alert>
      {onContinue && (
        <Group>
          <Button onClick={onContinue}>{continueLabel ?? t('recovery.continue')}</Button>
        </Group>
      )}
    </Stack>
  );
}

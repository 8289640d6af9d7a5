import { Alert, Box, Button, Code, CopyButton, Group, Image, List, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { totpSchema } from '../../domain/auth/auth.schema.ts';
import { type Enrolment, finishEnrolment, type Session, useConfirmEnrolment, useEnrolment } from '../features/auth/auth.api.ts';
import { isApiError } from '../lib/api.ts';
import { groupSecret } from '../lib/format.ts';
import { useSchemaForm } from '../lib/use-schema-form.ts';
import { CodeInput } from './code-input.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { FormProblems } from './form-problems.tsx';
import { PageLoader } from './page-loader.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';

/**
 * Two-factor enrolment: the QR code, the secret for typing by hand, which apps work, and the first code.
 * Without `enrolment` it loads the pending one, so a reload shows the same QR code.
 */
export function EnrolmentPanel({ enrolment, onDone }: { enrolment?: Enrolment; onDone: (session: Session) => void }) {
  const { t } = useTranslation();
  const loaded = useEnrolment(!enrolment);
  const data = enrolment ?? loaded.data;
  const confirm = useConfirmEnrolment();
  const schemaForm = useSchemaForm({ schema: totpSchema, initialValues: { code: '' } });
  const { form } = schemaForm;
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [finishing, setFinishing] = useState(false);
  const queryClient = useQueryClient();

  if (recoveryCodes) {
    const finish = () => {
      setFinishing(true);
      void finishEnrolment(queryClient).then(onDone, () => setFinishing(false));
    };
    return (
      <Stack gap="md">
        <Alert variant="light" color="teal">
          {t('recovery.enrolled')}
        </Alert>
        <Title order={2} size="h3">
          {t('recovery.title')}
        </Title>
        <RecoveryCodes codes={recoveryCodes} />
        <Group>
          <Button onClick={finish} loading={finishing} data-testid="recovery-continue">
            {t('recovery.continue')}
          </Button>
        </Group>
      </Stack>
    );
  }

  if (!data) return loaded.error ? <ErrorAlert error={loaded.error} /> : <PageLoader />;

  const submit = schemaForm.onSubmit(({ code }) => {
    confirm.mutate(code, {
      onSuccess: setRecoveryCodes,
      onError: (error) => {
        if (isApiError(error, 'auth.totp_invalid')) form.setFieldError('code', t('errors.auth.totp_invalid'));
        else schemaForm.showError(error);
      },
    });
  });

  return (
    <Stack gap="md">
      <Text>{t('enrol.intro')}</Text>
      <List type="ordered" spacing="xs">
        <List.Item>{t('enrol.step1')}</List.Item>
        <List.Item>{t('enrol.step2')}</List.Item>
        <List.Item>{t('enrol.step3')}</List.Item>
      </List>
      <Text size="sm" c="dimmed">
        {t('enrol.apps')}
      </Text>
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Box p={4} bg="white" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
          <Image src={data.qrCodeDataUrl} alt={t('enrol.qrAlt')} w={200} h={200} />
        </Box>
        <Stack gap={6} style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Text size="sm" fw={500}>
            {t('enrol.manualTitle')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('enrol.manualHint')}
          </Text>
          <Code block data-testid="totp-secret" data-secret={data.secret} style={{ fontSize: '1rem', wordBreak: 'break-all' }}>
            {groupSecret(data.secret)}
          </Code>
          <CopyButton value={data.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy} w="fit-content">
                {copied ? t('common.copied') : t('enrol.copySecret')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      </Group>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <CodeInput
            label={t('enrol.codeLabel')}
            description={t('enrol.codeHint')}
            value={form.values.code}
            onChange={(code) => form.setFieldValue('code', code)}
            error={form.errors.code}
            name="code"
            data-autofocus
          />
          <FormProblems form={schemaForm} />
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              {t('enrol.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Alert variant="light" color="blue">
        {t('enrol.keepPhone')}
      </Alert>
    </Stack>
  );
}

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';

interface ConfirmModalProps<T> {
  /** The record to act on; the modal is open while it is set. */
  subject: T | null;
  title: string;
  text: string;
  confirmLabel: string;
  color?: string;
  // biome-ignore lint/suspicious/noExplicitAny: any mutation taking the subject's key, whatever it answers
  mutation: UseMutationResult<any, Error, string>;
  keyOf: (subject: T) => string;
  onClose: () => void;
}

/** Asks before a destructive action, runs the mutation, and shows its error in place. */
export function ConfirmModal<T>({ subject, title, text, confirmLabel, color = 'red', mutation, keyOf, onClose }: ConfirmModalProps<T>) {
  const { t } = useTranslation();
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <Modal opened={subject !== null} onClose={close} title={title}>
      <Stack>
        <Text>{text}</Text>
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={mutation.isPending} onClick={() => subject && mutation.mutate(keyOf(subject), { onSuccess: close })}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

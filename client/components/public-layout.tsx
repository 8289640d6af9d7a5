import { Box, Container, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch.tsx';
import { Logo } from './logo.tsx';

/** Pages without sign-in (setup, login, invitation): a calm centred card. */
export function PublicLayout({ title, intro, children, width = 560 }: { title: string; intro?: ReactNode; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="lg" py="sm">
        <Group gap="xs">
          <Logo />
          <Text fw={700}>praxisschild</Text>
        </Group>
        <LanguageSwitch />
      </Group>
      <Container size={width} py="xl">
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
          <Title order={1} size="h2" mb={intro ? 'xs' : 'lg'}>
            {title}
          </Title>
          {intro && (
            <Text c="dimmed" mb="lg">
              {intro}
            </Text>
          )}
          {children}
        </Paper>
        <Text ta="center" size="xs" c="dimmed" mt="md">
          {t('app.tagline')}
        </Text>
      </Container>
    </Box>
  );
}

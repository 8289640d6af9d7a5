import { ActionIcon, Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_LINK_KINDS, TASK_LINKS_MAX, type TaskLink, type TaskLinkKind } from '../../../domain/tasks/tasks.schema.ts';
import { useLinkTargets } from './tasks.api.ts';

/** What a link reads as: the requirement's or record's number and name. */
export interface LinkLabel {
  label: string | null;
  reference: string | null;
}

export const linkKey = (link: TaskLink) => `${link.kind}/${link.targetId}`;

export function linkText(label: LinkLabel | undefined, fallback: string) {
  if (!label?.label) return fallback;
  return label.reference ? `${label.reference} · ${label.label}` : label.label;
}

interface LinkEditorProps {
  organisationId: string;
  value: TaskLink[];
  labels: Map<string, LinkLabel>;
  onChange: (links: TaskLink[], labels: Map<string, LinkLabel>) => void;
  /** Field errors of the form by path (links.0.targetId …). */
  errors: Record<string, unknown>;
  label: string;
}

/**
 * The links of a task or template: what is linked, in words, each removable, and a picker that searches the
 * requirements or the records of one kind on the server (the registers can be long).
 */
export function LinkEditor({ organisationId, value, labels, onChange, errors, label }: LinkEditorProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TaskLinkKind>('requirement');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const targets = useLinkTargets(organisationId, kind, q);
  const taken = new Set(value.map(linkKey));
  const options = (targets.data ?? [])
    .filter((target) => !taken.has(`${kind}/${target.id}`))
    .map((target) => ({ value: target.id, label: target.reference ? `${target.reference} · ${target.label}` : target.label }));

  const add = (targetId: string | null) => {
    if (!targetId) return;
    const target = targets.data?.find((x) => x.id === targetId);
    const next = new Map(labels);
    next.set(`${kind}/${targetId}`, { label: target?.label ?? null, reference: target?.reference ?? null });
    onChange([...value, { kind, targetId }], next);
    setSearch('');
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="xs" c="dimmed">
        {t('tasks.links.hint')}
      </Text>
      <Stack gap={4} data-testid="task-links-editor">
        {value.map((link, index) => {
          const error = errors[`links.${index}.targetId`] ?? errors[`links.${index}.kind`];
          return (
            <Stack key={linkKey(link)} gap={0}>
              <Group gap="xs" wrap="nowrap">
                <Badge variant="outline" size="sm" style={{ flexShrink: 0 }}>
                  {t(`tasks.linkKind.${link.kind}`)}
                </Badge>
                <Text size="sm" style={{ flex: 1, minWidth: 0 }} truncate="end">
                  {linkText(labels.get(linkKey(link)), link.targetId)}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('tasks.links.remove')}
                  onClick={() =>
                    onChange(
                      value.filter((_, i) => i !== index),
                      labels,
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
              {typeof error === 'string' && (
                <Text size="xs" c="red">
                  {error}
                </Text>
              )}
            </Stack>
          );
        })}
      </Stack>
      {value.length < TASK_LINKS_MAX && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('tasks.links.kind')}
            data={TASK_LINK_KINDS.map((k) => ({ value: k, label: t(`tasks.linkKind.${k}`) }))}
            value={kind}
            onChange={(next) => {
              if (next) setKind(next as TaskLinkKind);
              setSearch('');
            }}
            allowDeselect={false}
            w={{ base: '100%', xs: 190 }}
            data-testid="task-link-kind"
          />
          <Select
            label={t('tasks.links.target')}
            placeholder={t('tasks.links.targetPlaceholder')}
            data={options}
            value={null}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            onChange={add}
            filter={({ options: all }) => all}
            nothingFoundMessage={targets.isFetching ? '…' : t('tasks.links.nothingFound')}
            style={{ flex: 1, minWidth: 220 }}
            data-testid="task-link-target"
          />
        </Group>
      )}
    </Stack>
  );
}

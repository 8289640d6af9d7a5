import { Box, Button, Card, Group, LoadingOverlay, type MantineBreakpoint, Skeleton, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListPage, SortOrder } from '../../domain/common/list.ts';
import { get } from '../lib/api.ts';

/**
 * The one table of every list (decision 021). The server sorts, filters, counts and pages (domain/common/list.ts);
 * this component only shows a page at a time, asks for another sort by a header click and for the next page with
 * "Weitere laden". Nothing here sorts, filters or counts rows.
 */

export interface ListSort<K extends string = string> {
  sort: K;
  order: SortOrder;
}

/** The query of a list as the client holds it: sort, filters and search; the cursor is the pager's business. */
export type ListParams = Record<string, string | number | undefined>;

export interface ListQueryOptions {
  /** Reload the loaded pages this often (ms), e.g. for rows that carry a running clock. */
  refetchInterval?: number;
}

/**
 * Loads a list page by page with the list query (sort, order, filters, q) and the server's cursor. A change of the
 * parameters starts again at the first page; the previous rows stay visible (dimmed) until the new ones arrive.
 */
export function useListQuery<P extends ListPage<unknown>>(queryKey: readonly unknown[], url: string, params: ListParams, options: ListQueryOptions = {}) {
  const query = useInfiniteQuery({
    queryKey: [...queryKey, params],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
      if (pageParam) search.set('cursor', pageParam);
      const text = search.toString();
      return get<P>(text ? `${url}?${text}` : url);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
  });
  const pages = query.data?.pages ?? [];
  return {
    query,
    first: pages[0] as P | undefined,
    rows: pages.flatMap((page) => page.items) as P['items'],
    total: pages[0]?.total ?? null,
  };
}

/** Sort state of a table, starting from the list's default. */
export function useListSort<K extends string>(initial: ListSort<K>) {
  const [sort, setSort] = useState<ListSort<K>>(initial);
  return [sort, setSort] as const;
}

export interface DataTableColumn<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** The list query's sort key; the header becomes a button when set. */
  sortKey?: string;
  width?: number | string;
  /** Hidden on narrower screens (e.g. 'sm' hides the column below 768 px). */
  visibleFrom?: MantineBreakpoint;
}

export interface DataTableProps<T> {
  columns: DataTableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** Rows matching the filters in all; null while unknown. */
  total: number | null;
  /** The first page is loading (skeleton rows). */
  loading: boolean;
  /** New filters or another sort are loading (the shown rows are dimmed). */
  refreshing?: boolean;
  sort?: ListSort;
  onSortChange?: (sort: ListSort) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Label of the "load more" button; receives the rows shown and the total. */
  moreLabel?: (shown: number, total: number) => string;
  emptyText: string;
  /** Filter inputs above the table. */
  filters?: ReactNode;
  /** Shown below a row when it is opened by a click (details such as a mail's text). */
  renderExpanded?: (row: T) => ReactNode;
  testId?: string;
  /** A test id for each row (e.g. by the row's number). */
  rowTestId?: (row: T) => string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
}

function SortHeader({ label, active, order, onClick }: { label: ReactNode; active: boolean; order: SortOrder; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      onClick={onClick}
      aria-label={typeof label === 'string' ? t('list.sortBy', { column: label }) : undefined}
      style={{ fontWeight: 'inherit', fontSize: 'inherit' }}
    >
      <Group gap={4} wrap="nowrap">
        <span>{label}</span>
        <Text component="span" size="xs" c={active ? undefined : 'dimmed'} aria-hidden>
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const {
    columns,
    rows,
    rowKey,
    total,
    loading,
    refreshing,
    sort,
    onSortChange,
    hasMore,
    loadingMore,
    onLoadMore,
    emptyText,
    filters,
    renderExpanded,
    testId,
    rowTestId,
  } = props;
  const [open, setOpen] = useState<string | number | null>(null);

  function changeSort(key: string) {
    if (!onSortChange) return;
    // The same column flips the direction; another column starts ascending (A–Z, oldest first).
    onSortChange(sort && sort.sort === key ? { sort: key, order: sort.order === 'asc' ? 'desc' : 'asc' } : { sort: key, order: 'asc' });
  }

  const head = (
    <Table.Tr>
      {columns.map((column) => {
        const active = Boolean(sort && column.sortKey && sort.sort === column.sortKey);
        return (
          <Table.Th
            key={column.key}
            w={column.width}
            visibleFrom={column.visibleFrom}
            aria-sort={active && sort ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {column.sortKey && onSortChange ? (
              <SortHeader label={column.header} active={active} order={sort?.order ?? 'asc'} onClick={() => changeSort(column.sortKey!)} />
            ) : (
              column.header
            )}
          </Table.Th>
        );
      })}
      {renderExpanded && (
        <Table.Th w={1}>
          <VisuallyHidden>{t('list.details')}</VisuallyHidden>
        </Table.Th>
      )}
    </Table.Tr>
  );

  let body: ReactNode;
  if (loading) {
    body = ['first', 'second', 'third'].map((placeholder) => (
      <Table.Tr key={`skeleton-${placeholder}`}>
        {columns.map((column) => (
          <Table.Td key={column.key} visibleFrom={column.visibleFrom}>
            <Skeleton height={12} radius="sm" />
          </Table.Td>
        ))}
      </Table.Tr>
    ));
  } else if (rows.length === 0) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={columns.length + (renderExpanded ? 1 : 0)}>
          <Text c="dimmed" size="sm" py="sm" data-testid={testId ? `${testId}-empty` : undefined}>
            {emptyText}
          </Text>
        </Table.Td>
      </Table.Tr>
    );
  } else {
    body = rows.map((row) => {
      const key = rowKey(row);
      const expanded = renderExpanded && open === key;
      return (
        <Fragment key={key}>
          {/* A click anywhere on the row opens it for the mouse; the button in the last cell does it for the keyboard and screen readers. */}
          <Table.Tr
            onClick={renderExpanded ? () => setOpen(expanded ? null : key) : undefined}
            style={renderExpanded ? { cursor: 'pointer' } : undefined}
            data-testid={rowTestId?.(row)}
          >
            {columns.map((column) => (
              <Table.Td key={column.key} visibleFrom={column.visibleFrom} miw={column.width}>
                {column.render(row)}
              </Table.Td>
            ))}
            {renderExpanded && (
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-expanded={Boolean(expanded)}
                  onClick={(event) => {
                    event.stopPropagation();
                    setOpen(expanded ? null : key);
                  }}
                >
                  {expanded ? t('list.hideDetails') : t('list.showDetails')}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
          {expanded && (
            <Table.Tr>
              <Table.Td colSpan={columns.length + 1}>{renderExpanded(row)}</Table.Td>
            </Table.Tr>
          )}
        </Fragment>
      );
    });
  }

  const shown = rows.length;
  return (
    <Stack gap="sm">
      {filters && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          {filters}
        </Group>
      )}
      <Card withBorder padding={0}>
        <Box pos="relative">
          <LoadingOverlay visible={Boolean(refreshing) && !loading} zIndex={1} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
          <Table.ScrollContainer minWidth={props.minWidth ?? 600}>
            <Table
              verticalSpacing="sm"
              horizontalSpacing="md"
              striped
              highlightOnHover={Boolean(renderExpanded)}
              data-testid={testId}
              aria-busy={loading || refreshing}
            >
              <Table.Thead>{head}</Table.Thead>
              <Table.Tbody>{body}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Box>
      </Card>
      <Group gap="sm" wrap="wrap">
        {hasMore && (
          <Button variant="default" loading={loadingMore} onClick={onLoadMore} data-testid={testId ? `${testId}-more` : undefined}>
            {props.moreLabel ? props.moreLabel(shown, total ?? shown) : t('list.more', { shown, total: total ?? '?' })}
          </Button>
        )}
        {total !== null && !loading && (
          <Text size="xs" c="dimmed">
            {t('list.count', { shown, total })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

import { useMemo, useState } from 'react';
import { Card, Input, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import type { AuditEntry } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatAuditValue, formatTimestamp } from './auditFormat';

/** Newest first; within one save, in the order the server listed the fields. */
export function sortAudit(entries: readonly AuditEntry[]): AuditEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.at < b.entry.at ? 1 : a.entry.at > b.entry.at ? -1 : a.index - b.index))
    .map(({ entry }) => entry);
}

/** Every change of the department-year, all sections, with a filter. */
export function YearAuditTable({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const [filter, setFilter] = useState('');
  const query = useQuery({
    queryKey: queryKeys.yearAudit(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.yearAudit(client, departmentId, fiscalYear, signal),
  });
  const fieldLabel = (field: string) => t(`audit.fields.${field}`, { defaultValue: field });
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));

  const rows = useMemo(() => {
    const sorted = sortAudit(query.data ?? []);
    const needle = filter.trim().toLowerCase();
    if (!needle) return sorted;
    return sorted.filter((entry) =>
      [entry.actor, entry.field, t(`audit.fields.${entry.field}`, { defaultValue: entry.field })].some((text) =>
        text.toLowerCase().includes(needle),
      ),
    );
  }, [query.data, filter, t]);

  // No section column: the audit entries carry none (AuditEntryView in the contract).
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', width: 170, render: (at: string) => formatTimestamp(at) },
    { title: t('audit.actor'), dataIndex: 'actor', key: 'actor', width: 110 },
    { title: t('audit.field'), dataIndex: 'field', key: 'field', width: 210, render: (field: string) => fieldLabel(field) },
    {
      title: t('audit.oldValue'),
      dataIndex: 'oldValue',
      key: 'oldValue',
      width: 240,
      render: (value: string | null, entry) => formatAuditValue(entry.field, value, yesNo),
    },
    {
      title: t('audit.newValue'),
      dataIndex: 'newValue',
      key: 'newValue',
      width: 240,
      render: (value: string | null, entry) => formatAuditValue(entry.field, value, yesNo),
    },
    { title: t('audit.version'), dataIndex: 'version', key: 'version', width: 64, align: 'right' },
  ];

  return (
    <Card
      size="small"
      title={t('yearAudit.title')}
      extra={
        <Input.Search
          allowClear
          placeholder={t('yearAudit.filter')}
          aria-label={t('yearAudit.filter')}
          onChange={(event) => setFilter(event.target.value)}
          style={{ width: 240 }}
          data-testid="audit-filter"
        />
      }
    >
      {query.error ? (
        <ErrorAlert error={query.error} title={t('audit.loadFailed')} onRetry={() => void query.refetch()} />
      ) : (
        <Table<AuditEntry>
          data-testid="year-audit-table"
          size="small"
          rowKey={(entry) => `${entry.at}-${entry.field}-${entry.version}-${entry.oldValue}-${entry.newValue}`}
          columns={columns}
          dataSource={rows}
          loading={query.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('audit.empty') }}
          scroll={{ x: 900 }}
        />
      )}
    </Card>
  );
}

import { Card, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import type { AuditEntry } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatAuditValue, formatTimestamp } from '../audit/auditFormat';

export { formatAuditValue, formatTimestamp } from '../audit/auditFormat';

interface AuditTableProps {
  departmentId: string;
  fiscalYear: number;
  /** Refetch when this changes (a new save). */
  version: number | null;
}

export function AuditTable({ departmentId, fiscalYear, version }: AuditTableProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const query = useQuery({
    queryKey: [...queryKeys.basicExpenditureAudit(departmentId, fiscalYear), version],
    queryFn: ({ signal }) => api.basicExpenditureAudit(client, departmentId, fiscalYear, signal),
    enabled: version !== null,
  });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', render: (at: string) => formatTimestamp(at), width: 180 },
    { title: t('audit.actor'), dataIndex: 'actor', key: 'actor' },
    {
      title: t('audit.field'),
      dataIndex: 'field',
      key: 'field',
      render: (field: string) => t(`audit.fields.${field}`, { defaultValue: field }),
    },
    {
      title: t('audit.oldValue'),
      dataIndex: 'oldValue',
      key: 'oldValue',
      align: 'right',
      render: (value: string | null, entry) => formatAuditValue(entry.field, value),
    },
    {
      title: t('audit.newValue'),
      dataIndex: 'newValue',
      key: 'newValue',
      align: 'right',
      render: (value: string | null, entry) => formatAuditValue(entry.field, value),
    },
    { title: t('audit.version'), dataIndex: 'version', key: 'version', width: 80, align: 'right' },
  ];

  return (
    <Card title={t('audit.title')} size="small">
      {query.error ? (
        <ErrorAlert error={query.error} title={t('audit.loadFailed')} onRetry={() => void query.refetch()} />
      ) : (
        <Table<AuditEntry>
          data-testid="audit-table"
          size="small"
          rowKey={(entry) => `${entry.version}-${entry.field}-${entry.at}`}
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isFetching && !query.data}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('audit.empty') }}
        />
      )}
    </Card>
  );
}

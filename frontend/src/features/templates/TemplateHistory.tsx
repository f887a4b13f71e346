import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../report/format';
import { templateApi, templateKeys, type TemplateAuditEntry, type TemplateBody, type TemplateVersionInfo } from './templateApi';

/** "staff-control-rate.points" → "在职人员控制率 · 分值"; "level:投入.points" → "投入 · 分值". */
export function auditFieldLabel(field: string, body: TemplateBody | undefined, t: (key: string) => string): string {
  const names = new Map<string, string>();
  body?.levels.forEach((level) => level.children.forEach((group) => group.children.forEach((i) => names.set(i.code, i.name))));
  const match = /^(?:level:)?(.+)\.(points|rule|name|place)$/.exec(field);
  if (match) {
    const [, owner, part] = match;
    return `${names.get(owner!) ?? owner} · ${t(`templates.auditParts.${part}`)}`;
  }
  if (['name', 'description', 'project', 'copiedFrom', 'scope'].includes(field)) {
    return t(`templates.auditParts.${field}`);
  }
  return field;
}

/** 版本历史: every stored version (who, when; each can be opened read-only) and what changed in each. */
export function TemplateHistory({
  templateId,
  body,
  viewedVersion,
  latestVersion,
  onView,
}: {
  templateId: number;
  body: TemplateBody | undefined;
  viewedVersion: number;
  latestVersion: number;
  onView(version: number | null): void;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const versions = useQuery({
    queryKey: templateKeys.versions(templateId),
    queryFn: ({ signal }) => templateApi.versions(client, templateId, signal),
  });
  const audit = useQuery({
    queryKey: templateKeys.audit(templateId),
    queryFn: ({ signal }) => templateApi.audit(client, templateId, signal),
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('templates.versionsTitle')}>
        {versions.error ? (
          <ErrorAlert error={versions.error} title={t('templates.historyFailed')} onRetry={() => void versions.refetch()} />
        ) : (
          <Table<TemplateVersionInfo>
            size="small"
            rowKey="version"
            loading={versions.isPending}
            pagination={false}
            dataSource={[...(versions.data ?? [])].reverse()}
            data-testid="template-versions"
            onRow={() => ({ 'data-testid': 'template-version-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('templates.version'),
                dataIndex: 'version',
                key: 'version',
                width: 120,
                render: (version: number) => (
                  <Space size={4}>
                    <span>{t('templates.versionN', { n: version })}</span>
                    {version === latestVersion ? <Tag color="blue">{t('templates.latest')}</Tag> : null}
                  </Space>
                ),
              },
              { title: t('templates.createdBy'), dataIndex: 'createdBy', key: 'by', width: 140 },
              { title: t('templates.createdAt'), dataIndex: 'createdAt', key: 'at', render: (at: string) => formatDateTime(at) },
              {
                title: t('common.actions'),
                key: 'view',
                width: 140,
                render: (_: unknown, row) =>
                  row.version === viewedVersion ? (
                    <Typography.Text type="secondary">{t('templates.shown')}</Typography.Text>
                  ) : (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => onView(row.version === latestVersion ? null : row.version)}
                      data-testid={`view-version-${row.version}`}
                    >
                      {t('templates.viewVersion')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('templates.auditTitle')}>
        {audit.error ? (
          <ErrorAlert error={audit.error} title={t('templates.historyFailed')} onRetry={() => void audit.refetch()} />
        ) : (
          <Table<TemplateAuditEntry>
            size="small"
            rowKey={(row) => `${row.at}-${row.version ?? ''}-${row.field}`}
            loading={audit.isPending}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={[...(audit.data ?? [])].reverse()}
            data-testid="template-audit"
            locale={{ emptyText: t('templates.noAudit') }}
            columns={[
              { title: t('templates.createdAt'), dataIndex: 'at', key: 'at', width: 170, render: (at: string) => formatDateTime(at) },
              { title: t('templates.createdBy'), dataIndex: 'actor', key: 'actor', width: 120 },
              {
                title: t('templates.version'),
                dataIndex: 'version',
                key: 'version',
                width: 80,
                render: (version: number | null) => (version === null ? '—' : t('templates.versionN', { n: version })),
              },
              { title: t('templates.auditField'), dataIndex: 'field', key: 'field', render: (field: string) => auditFieldLabel(field, body, t) },
              { title: t('templates.auditOld'), dataIndex: 'oldValue', key: 'old', render: (value: string | null) => value ?? '—' },
              { title: t('templates.auditNew'), dataIndex: 'newValue', key: 'new', render: (value: string | null) => value ?? '—' },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

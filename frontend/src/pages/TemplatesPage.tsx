import { useState } from 'react';
import { App, Button, Card, Empty, Select, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiClient } from '../api/ApiContext';
import { useAuth } from '../auth/AuthContext';
import { canManageTemplates } from '../auth/user';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { CopyTemplateModal } from '../features/templates/CopyTemplateModal';
import { TemplateAssignments } from '../features/templates/TemplateAssignments';
import { TemplateEditor } from '../features/templates/TemplateEditor';
import { TemplateHistory } from '../features/templates/TemplateHistory';
import { templateApi, templateKeys, type TemplateDetail, type TemplateSummary } from '../features/templates/templateApi';
import { formatDateTime } from '../features/report/format';

export const TEMPLATE_PARAM = 'template';

/** 评价模板: the default 指标体系 and the bureau's copies per 区县 and year; edit, history, assignment. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { user } = useAuth();
  const canEdit = canManageTemplates(user);
  const [params, setParams] = useSearchParams();
  const [copySource, setCopySource] = useState<TemplateSummary | null>(null);
  /** null: the latest version. */
  const [viewedVersion, setViewedVersion] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);

  const list = useQuery({ queryKey: templateKeys.list, queryFn: ({ signal }) => templateApi.list(client, signal) });
  const templates = list.data ?? [];
  const requested = Number(params.get(TEMPLATE_PARAM));
  const selected = templates.find((template) => template.id === requested) ?? templates[0];

  const detail = useQuery({
    queryKey: templateKeys.detail(selected?.id ?? 0, viewedVersion),
    queryFn: ({ signal }) => templateApi.detail(client, selected!.id, viewedVersion, signal),
    enabled: selected !== undefined,
  });

  const select = (id: number) => {
    setViewedVersion(null);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(TEMPLATE_PARAM, String(id));
        return next;
      },
      { replace: true },
    );
  };

  const onSaved = (saved: TemplateDetail) => {
    queryClient.setQueryData(templateKeys.detail(saved.template.id, null), saved);
    void queryClient.invalidateQueries({ queryKey: templateKeys.list });
    void queryClient.invalidateQueries({ queryKey: templateKeys.versions(saved.template.id) });
    void queryClient.invalidateQueries({ queryKey: templateKeys.audit(saved.template.id) });
    void queryClient.invalidateQueries({ queryKey: templateKeys.assignments });
  };

  const reloadLatest = async () => {
    setViewedVersion(null);
    if (selected) {
      await queryClient.refetchQueries({ queryKey: templateKeys.detail(selected.id, null) });
    }
    void queryClient.invalidateQueries({ queryKey: templateKeys.list });
    setReloads((n) => n + 1);
  };

  if (list.isPending) {
    return <Skeleton active />;
  }
  if (list.error) {
    return <QueryError error={list.error} title={t('templates.loadFailed')} onRetry={() => void list.refetch()} />;
  }

  const shown = detail.data;
  const isLatest = viewedVersion === null;
  const readOnlyNote = !selected
    ? undefined
    : selected.defaultTemplate
      ? t('templates.defaultReadOnly')
      : !canEdit
        ? t('templates.roleReadOnly')
        : !isLatest
          ? t('templates.olderReadOnly', { version: viewedVersion })
          : undefined;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('templates.title')} intro={t('templates.intro')} showDepartment={false} showYear={false} />
      <Card size="small" title={t('templates.listTitle')}>
        <Table<TemplateSummary>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={templates}
          data-testid="templates-table"
          rowClassName={(row) => (row.id === selected?.id ? 'ant-table-row-selected' : '')}
          onRow={(row) =>
            ({
              'data-testid': 'template-row',
              onClick: () => select(row.id),
              style: { cursor: 'pointer' },
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('templates.templateName'),
              dataIndex: 'name',
              key: 'name',
              render: (name: string, row) => (
                <Space size={4} wrap>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => select(row.id)} data-testid={`open-template-${row.id}`}>
                    {name}
                  </Button>
                  {row.defaultTemplate ? <Tag>{t('templates.defaultTag')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('templates.jurisdiction'), dataIndex: 'jurisdiction', key: 'j', width: 120, render: (v: string | null) => v ?? '—' },
            { title: t('templates.fiscalYear'), dataIndex: 'fiscalYear', key: 'y', width: 90, render: (v: number | null) => v ?? '—' },
            { title: t('templates.version'), dataIndex: 'version', key: 'v', width: 80, render: (n: number) => t('templates.versionN', { n }) },
            {
              title: t('templates.updated'),
              key: 'updated',
              width: 220,
              render: (_: unknown, row) => (row.updatedBy ? `${row.updatedBy} · ${formatDateTime(row.updatedAt)}` : formatDateTime(row.updatedAt)),
            },
            {
              title: t('templates.assignedTo'),
              key: 'assigned',
              render: (_: unknown, row) =>
                row.assignments.length === 0
                  ? '—'
                  : row.assignments.map((a) => (
                      <Tag color="green" key={`${a.jurisdiction}-${a.fiscalYear}`}>
                        {a.jurisdiction} {a.fiscalYear}
                      </Tag>
                    )),
            },
            ...(canEdit
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 150,
                    render: (_: unknown, row: TemplateSummary) => (
                      <Button
                        size="small"
                        icon={<CopyOutlined />}
                        onClick={(event) => {
                          event.stopPropagation();
                          setCopySource(row);
                        }}
                        data-testid={`copy-template-${row.id}`}
                      >
                        {t('templates.copy')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {!selected ? (
        <Empty description={t('templates.none')} />
      ) : (
        <Card
          size="small"
          data-testid="template-detail"
          title={
            <Space wrap>
              <span data-testid="template-title">{selected.name}</span>
              {selected.defaultTemplate ? <Tag>{t('templates.defaultTag')}</Tag> : <Tag color="blue">{`${selected.jurisdiction} ${selected.fiscalYear}`}</Tag>}
            </Space>
          }
          extra={
            <Space>
              <Typography.Text type="secondary">{t('templates.showing')}</Typography.Text>
              <Select<number>
                size="small"
                value={viewedVersion ?? selected.version}
                aria-label={t('templates.versionSelect')}
                data-testid="version-select"
                style={{ width: 130 }}
                onChange={(version) => setViewedVersion(version === selected.version ? null : version)}
                options={Array.from({ length: selected.version }, (_, index) => selected.version - index).map((n) => ({
                  value: n,
                  label: n === selected.version ? `${t('templates.versionN', { n })} · ${t('templates.latest')}` : t('templates.versionN', { n }),
                }))}
              />
            </Space>
          }
        >
          <Tabs
            items={[
              {
                key: 'editor',
                label: t('templates.tabs.editor'),
                children: detail.isPending ? (
                  <Skeleton active />
                ) : detail.error || !shown ? (
                  <QueryError error={detail.error} title={t('templates.detailFailed')} onRetry={() => void detail.refetch()} />
                ) : (
                  <TemplateEditor
                    key={`${shown.template.id}-${viewedVersion ?? 'latest'}-${shown.template.version}-${reloads}`}
                    detail={shown}
                    readOnly={readOnlyNote !== undefined}
                    readOnlyNote={readOnlyNote}
                    onSaved={onSaved}
                    onReload={() => void reloadLatest()}
                  />
                ),
              },
              {
                key: 'history',
                label: t('templates.tabs.history'),
                children: (
                  <TemplateHistory
                    templateId={selected.id}
                    body={shown?.body}
                    viewedVersion={viewedVersion ?? selected.version}
                    latestVersion={selected.version}
                    onView={setViewedVersion}
                  />
                ),
              },
              {
                key: 'assignment',
                label: t('templates.tabs.assignment'),
                children: <TemplateAssignments template={selected} canEdit={canEdit} />,
              },
            ]}
          />
        </Card>
      )}

      <CopyTemplateModal
        source={copySource}
        onClose={() => setCopySource(null)}
        onCopied={(copied) => {
          setCopySource(null);
          queryClient.setQueryData(templateKeys.detail(copied.template.id, null), copied);
          void queryClient.invalidateQueries({ queryKey: templateKeys.list });
          message.success(t('templates.copied', { name: copied.template.name }));
          select(copied.template.id);
        }}
      />
    </Space>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../report/format';
import { templateApi, templateKeys, type TemplateAssignment, type TemplateSummary } from './templateApi';

/** The assignment of the 区县 and year a copy was made for, if any. */
export function assignmentOfScope(assignments: readonly TemplateAssignment[], template: TemplateSummary): TemplateAssignment | undefined {
  return assignments.find(
    (assignment) => assignment.jurisdiction === template.jurisdiction && assignment.fiscalYear === template.fiscalYear,
  );
}

/**
 * 分配: a copy is assigned to the 区县 and year it was made for (its latest version scores their
 * unsubmitted filings at once); every assignment in force is listed.
 */
export function TemplateAssignments({ template, canEdit }: { template: TemplateSummary; canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { message, notification } = App.useApp();
  const [conflict, setConflict] = useState(false);
  const query = useQuery({
    queryKey: templateKeys.assignments,
    queryFn: ({ signal }) => templateApi.assignments(client, signal),
  });
  const current = query.data && !template.defaultTemplate ? assignmentOfScope(query.data, template) : undefined;
  const scope = { jurisdiction: template.jurisdiction ?? '', year: template.fiscalYear ?? 0 };

  const onError = (error: unknown) => {
    if (isApiError(error) && error.isVersionConflict) {
      setConflict(true);
      void query.refetch();
      return;
    }
    const text = errorText(error, t);
    notification.error({ title: text.title, description: text.detail });
  };
  const refresh = () => {
    setConflict(false);
    void queryClient.invalidateQueries({ queryKey: templateKeys.all });
  };

  const assign = useMutation({
    mutationFn: () => templateApi.assign(client, scope.jurisdiction, scope.year, template.id, current ? current.version : null),
    onMutate: () => setConflict(false),
    onSuccess: (assignment) => {
      message.success(t('templates.assigned', { ...scope, version: assignment.templateVersion }));
      refresh();
    },
    onError,
  });
  const unassign = useMutation({
    mutationFn: (assignment: TemplateAssignment) =>
      templateApi.unassign(client, assignment.jurisdiction, assignment.fiscalYear, assignment.version),
    onMutate: () => setConflict(false),
    onSuccess: () => {
      message.success(t('templates.unassigned', scope));
      refresh();
    },
    onError,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {conflict ? <Alert type="warning" showIcon title={t('templates.assignmentConflict')} data-testid="assignment-conflict" /> : null}
      <Card size="small" title={t('templates.assignTitle')} data-testid="assignment-card">
        {template.defaultTemplate ? (
          <Typography.Paragraph style={{ marginBottom: 0 }}>{t('templates.defaultAssignment')}</Typography.Paragraph>
        ) : query.isPending ? null : (
          <Space orientation="vertical">
            <Typography.Text data-testid="assignment-state">
              {current === undefined
                ? t('templates.notAssigned', scope)
                : current.templateId === template.id
                  ? t('templates.assignedHere', { ...scope, version: current.templateVersion })
                  : t('templates.assignedOther', { ...scope, name: current.templateName })}
            </Typography.Text>
            {canEdit ? (
              <Space>
                {current?.templateId !== template.id ? (
                  <Button type="primary" loading={assign.isPending} onClick={() => assign.mutate()} data-testid="assign-button">
                    {t('templates.assign', scope)}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t('templates.unassignConfirm', scope)}
                    okText={t('templates.unassign')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => unassign.mutate(current)}
                  >
                    <Button danger loading={unassign.isPending} data-testid="unassign-button">
                      {t('templates.unassign')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('templates.assignHint')}
            </Typography.Text>
          </Space>
        )}
      </Card>
      <Card size="small" title={t('templates.allAssignments')}>
        {query.error ? (
          <ErrorAlert error={query.error} title={t('templates.assignmentsFailed')} onRetry={() => void query.refetch()} />
        ) : (
          <Table<TemplateAssignment>
            size="small"
            rowKey={(row) => `${row.jurisdiction}-${row.fiscalYear}`}
            loading={query.isPending}
            pagination={false}
            dataSource={query.data ?? []}
            data-testid="assignments-table"
            locale={{ emptyText: t('templates.noAssignments') }}
            columns={[
              { title: t('templates.jurisdiction'), dataIndex: 'jurisdiction', key: 'j' },
              { title: t('templates.fiscalYear'), dataIndex: 'fiscalYear', key: 'y', width: 90 },
              { title: t('templates.templateName'), dataIndex: 'templateName', key: 'name' },
              {
                title: t('templates.version'),
                dataIndex: 'templateVersion',
                key: 'v',
                width: 90,
                render: (n: number) => t('templates.versionN', { n }),
              },
              {
                title: t('templates.assignedBy'),
                key: 'by',
                render: (_: unknown, row) => `${row.updatedBy ?? '—'} · ${formatDateTime(row.updatedAt)}`,
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

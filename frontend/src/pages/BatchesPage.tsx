import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/ApiContext';
import { isApiError } from '../api/problem';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { fiscalYearRange } from '../config';
import { BatchProgressCard, PHASE_COLORS } from '../features/batches/BatchProgressCard';
import { batchApi as batches, batchKeys as keys, type BatchProgress } from '../features/batches/batchApi';
import { batchView, runningJobId } from '../features/batches/batchState';
import { formatDateTime } from '../features/report/format';
import { useSelection } from '../selection/SelectionContext';

/** 批量生成报告: every department's report of a year, generated in the background, as one ZIP. */
export default function BatchesPage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const selection = useSelection();
  const [year, setYear] = useState(selection.fiscalYear);
  // The service's list of recent batches (every reviewer sees the same); the one shown is polled by its card.
  const history = useQuery({
    queryKey: keys.recent,
    queryFn: ({ signal }) => batches.recent(client, signal),
    refetchInterval: (query) => (query.state.data?.some((b) => b.status === 'RUNNING') ? 2000 : false),
  });
  const [chosenId, setChosenId] = useState<string | null>(null);
  const shownId = chosenId ?? history.data?.[0]?.id ?? null;
  const show = (id: string) => {
    setChosenId(id);
    void queryClient.invalidateQueries({ queryKey: keys.recent });
  };
  const forget = () => {
    setChosenId(null);
    void queryClient.invalidateQueries({ queryKey: keys.recent });
  };

  const start = useMutation({
    mutationFn: (fiscalYear: number) => batches.start(client, fiscalYear),
    onSuccess: (progress) => {
      queryClient.setQueryData(keys.progress(progress.id), progress);
      show(progress.id);
    },
  });
  const runningId = start.error && isApiError(start.error) ? runningJobId(start.error) : null;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('batches.title')} intro={t('batches.intro')} showDepartment={false} showYear={false} />
      <Card size="small" title={t('batches.startTitle')}>
        <Space wrap align="center">
          <label htmlFor="batch-year">{t('batches.year')}</label>
          <Select<number>
            id="batch-year"
            value={year}
            onChange={setYear}
            style={{ width: 140 }}
            data-testid="batch-year"
            options={fiscalYearRange().map((y) => ({ value: y, label: t('header.yearOption', { year: y }) }))}
          />
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            loading={start.isPending}
            onClick={() => start.mutate(year)}
            data-testid="batch-start"
          >
            {t('batches.start')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('batches.startHint')}
        </Typography.Paragraph>
        {start.error ? (
          <div style={{ marginTop: 12 }}>
            {runningId ? (
              <Alert
                type="warning"
                showIcon
                data-testid="batch-running"
                title={t('batches.alreadyRunning', { year })}
                description={isApiError(start.error) ? start.error.problem.detail : undefined}
                action={
                  <Button size="small" onClick={() => show(runningId)} data-testid="batch-follow">
                    {t('batches.follow')}
                  </Button>
                }
              />
            ) : isApiError(start.error) && start.error.isNotFound ? (
              <Alert type="info" showIcon data-testid="batch-empty" title={t('batches.empty', { year })} description={start.error.problem.detail} />
            ) : (
              <ErrorAlert error={start.error} title={t('batches.startFailed')} testId="batch-start-error" />
            )}
          </div>
        ) : null}
      </Card>

      {shownId ? <BatchProgressCard key={shownId} id={shownId} onGone={forget} /> : null}

      <Card size="small" title={t('batches.historyTitle')}>
        <Typography.Paragraph type="secondary">{t('batches.historyHint')}</Typography.Paragraph>
        {history.error ? <ErrorAlert error={history.error} title={t('batches.historyFailed')} testId="batch-history-error" /> : null}
        <Table<BatchProgress>
          size="small"
          rowKey="id"
          pagination={false}
          loading={history.isPending}
          dataSource={history.data ?? []}
          data-testid="batch-history"
          locale={{ emptyText: t('batches.noHistory') }}
          onRow={() => ({ 'data-testid': 'batch-history-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('batches.year'), dataIndex: 'fiscalYear', key: 'year', width: 100 },
            { title: t('batches.startedAt'), dataIndex: 'createdAt', key: 'at', width: 180, render: (at: string) => formatDateTime(at) },
            { title: t('batches.requestedBy'), dataIndex: 'requestedBy', key: 'by', width: 120 },
            {
              title: t('batches.state'),
              key: 'state',
              render: (_: unknown, row) => {
                const view = batchView(row);
                return (
                  <Space size={4}>
                    <Tag color={PHASE_COLORS[view.phase]}>{t(`batches.phases.${view.phase}`)}</Tag>
                    <span>{t('batches.shortCounts', { done: row.done, failed: row.failed, total: row.total })}</span>
                  </Space>
                );
              },
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 140,
              render: (_: unknown, row) =>
                row.id === shownId ? (
                  <Typography.Text type="secondary">{t('batches.shown')}</Typography.Text>
                ) : (
                  <Button size="small" type="link" onClick={() => show(row.id)} data-testid={`batch-show-${row.id}`}>
                    {t('batches.show')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

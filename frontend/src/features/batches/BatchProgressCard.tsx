import { useState } from 'react';
import { App, Button, Card, Descriptions, Progress, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { saveBlob } from '../../lib/saveFile';
import { formatDateTime } from '../report/format';
import { batchApi, batchKeys, type BatchFailure } from './batchApi';
import { batchView, pollInterval, type BatchPhase } from './batchState';

export const PHASE_COLORS: Record<BatchPhase, string> = {
  running: 'processing',
  done: 'success',
  doneWithFailures: 'warning',
  failed: 'error',
};

/** The progress of one batch, polled every second while it runs; the ZIP once it is finished. */
export function BatchProgressCard({ id, onGone }: { id: string; onGone(id: string): void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message, notification } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const query = useQuery({
    queryKey: batchKeys.progress(id),
    queryFn: ({ signal }) => batchApi.progress(client, id, signal),
    refetchInterval: (q) => (q.state.error ? false : pollInterval(q.state.data)),
    staleTime: 0,
  });

  if (query.error) {
    if (isApiError(query.error) && query.error.isNotFound) {
      return (
        <Card size="small" title={t('batches.currentTitle')} data-testid="batch-progress">
          <Typography.Paragraph data-testid="batch-gone">{t('batches.gone')}</Typography.Paragraph>
          <Button onClick={() => onGone(id)}>{t('batches.removeFromList')}</Button>
        </Card>
      );
    }
    return <ErrorAlert error={query.error} title={t('batches.progressFailed')} onRetry={() => void query.refetch()} testId="batch-progress-error" />;
  }
  const progress = query.data;
  if (!progress) {
    return <Card size="small" title={t('batches.currentTitle')} loading data-testid="batch-progress" />;
  }
  const view = batchView(progress);

  const download = async () => {
    setDownloading(true);
    try {
      const file = await batchApi.zip(client, progress.id, progress.fiscalYear);
      saveBlob(file.blob, file.filename);
      message.success(t('batches.downloaded', { file: file.filename }));
    } catch (error) {
      const text = errorText(error, t);
      notification.error({ title: t('batches.downloadFailed'), description: text.detail ?? text.title });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid="batch-progress"
      title={t('batches.jobTitle', { year: progress.fiscalYear })}
      extra={
        <Tag color={PHASE_COLORS[view.phase]} data-testid="batch-status">
          {t(`batches.phases.${view.phase}`)}
        </Tag>
      }
    >
      <Progress
        percent={view.percent}
        status={view.barStatus}
        format={(percent) => `${(percent ?? 0).toFixed(2)}%`}
        aria-label={t('batches.progressLabel')}
        data-testid="batch-bar"
      />
      <Typography.Paragraph aria-live="polite" data-testid="batch-counts" style={{ marginTop: 8 }}>
        {t('batches.counts', { processed: view.processed, total: progress.total, done: progress.done, failed: progress.failed })}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label={t('batches.requestedBy')}>{progress.requestedBy}</Descriptions.Item>
        <Descriptions.Item label={t('batches.startedAt')}>{formatDateTime(progress.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('batches.finishedAt')}>{progress.finishedAt ? formatDateTime(progress.finishedAt) : '—'}</Descriptions.Item>
      </Descriptions>
      {view.phase === 'failed' ? <Typography.Paragraph type="danger">{t('batches.stopped')}</Typography.Paragraph> : null}
      {progress.failures.length > 0 ? (
        <>
          <Typography.Title level={5}>{t('batches.failuresTitle', { n: progress.failures.length })}</Typography.Title>
          <Table<BatchFailure>
            size="small"
            rowKey="departmentId"
            pagination={false}
            dataSource={progress.failures}
            data-testid="batch-failures"
            onRow={() => ({ 'data-testid': 'batch-failure-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('batches.department'), dataIndex: 'departmentName', key: 'name', width: 280 },
              { title: t('batches.reason'), dataIndex: 'message', key: 'message' },
            ]}
          />
        </>
      ) : null}
      <div style={{ marginTop: 12 }}>
        {view.canDownload ? (
          <Button type="primary" icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()} data-testid="batch-download">
            {t('batches.download', { n: progress.done })}
          </Button>
        ) : view.running ? (
          <Typography.Text type="secondary">{t('batches.downloadWhenDone')}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('batches.nothingToDownload')}</Typography.Text>
        )}
      </div>
    </Card>
  );
}

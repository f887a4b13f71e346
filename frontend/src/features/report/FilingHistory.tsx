import { useState } from 'react';
import { Button, Card, Empty, Modal, Skeleton, Table, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import type { Filing, FilingVersionInfo } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HtmlPreview } from './HtmlPreview';
import { formatDateTime } from './format';

/** Submitted versions (each frozen with its SHA-256) and every step with the reviewers' comments. */
export function FilingHistory({ departmentId, fiscalYear, filing }: { departmentId: string; fiscalYear: number; filing: Filing }) {
  const { t } = useTranslation();
  const [previewing, setPreviewing] = useState<number | null>(null);
  return (
    <>
      <Card size="small" title={t('history.versions')}>
        {filing.versions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.noVersions')} />
        ) : (
          <Table<FilingVersionInfo>
            size="small"
            rowKey="number"
            data-testid="versions-table"
            pagination={false}
            dataSource={[...filing.versions].reverse()}
            columns={[
              { title: t('history.version'), dataIndex: 'number', key: 'number', width: 80, render: (n: number) => t('filing.versionN', { n }) },
              { title: t('history.submittedAt'), dataIndex: 'submittedAt', key: 'at', width: 170, render: (at: string) => formatDateTime(at) },
              { title: t('history.submittedBy'), dataIndex: 'submittedBy', key: 'by', width: 120 },
              {
                title: t('history.hash'),
                dataIndex: 'contentHash',
                key: 'hash',
                render: (hash: string) => (
                  <Typography.Text code copyable={{ text: hash }} title={hash}>
                    {hash.slice(0, 16)}…
                  </Typography.Text>
                ),
              },
              {
                title: t('common.actions'),
                key: 'preview',
                width: 110,
                render: (_v, version) => (
                  <Button size="small" onClick={() => setPreviewing(version.number)} data-testid="version-preview">
                    {t('history.preview')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('history.steps')} style={{ marginTop: 16 }}>
        {filing.history.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.noSteps')} />
        ) : (
          <Timeline
            data-testid="filing-steps"
            items={filing.history.map((step) => ({
              color: step.step === 'APPROVED' ? 'green' : step.step === 'RETURNED' ? 'orange' : 'blue',
              content: (
                <div data-testid="filing-step">
                  <Typography.Text strong>{t(`filing.steps.${step.step}`)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {t('filing.versionN', { n: step.filingVersion })} · {step.actor} · {formatDateTime(step.at)}
                  </Typography.Text>
                  {step.comment ? <div data-testid="step-comment">{t('history.comment', { comment: step.comment })}</div> : null}
                </div>
              ),
            }))}
          />
        )}
      </Card>
      <Modal
        open={previewing !== null}
        width="min(1000px, 95vw)"
        title={previewing === null ? '' : t('history.previewTitle', { n: previewing })}
        footer={null}
        onCancel={() => setPreviewing(null)}
        destroyOnHidden
      >
        {previewing !== null ? <VersionPreview departmentId={departmentId} fiscalYear={fiscalYear} number={previewing} /> : null}
      </Modal>
    </>
  );
}

function VersionPreview({ departmentId, fiscalYear, number }: { departmentId: string; fiscalYear: number; number: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const query = useQuery({
    queryKey: queryKeys.filingVersionPreview(departmentId, fiscalYear, number),
    queryFn: ({ signal }) => api.filingVersionPreview(client, departmentId, fiscalYear, number, signal),
    staleTime: Infinity,
  });
  if (query.isPending) return <Skeleton active />;
  if (query.error) return <ErrorAlert error={query.error} title={t('history.previewFailed')} />;
  return <HtmlPreview html={query.data} title={t('history.previewTitle', { n: number })} testId="version-preview-frame" />;
}

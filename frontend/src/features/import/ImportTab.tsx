import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Progress, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import type { DownloadedFile } from '../../api/client';
import { queryKeys } from '../../api/endpoints';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatWan } from '../../lib/money';
import { saveBlob } from '../../lib/saveFile';
import { importApi, importQueryKeys, TEMPLATE_SHEETS, type ImportJob, type TemplateSheet } from './importApi';
import { IMPORT_POLL_MS, isActive, jobOutcome, jobProgress, type ErrorRow, type JobOutcome } from './importJob';

export interface ImportTabProps {
  departmentId: string;
  fiscalYear: number;
  /** The department itself (it alone imports); others only export. */
  mayEdit: boolean;
  /** The year is submitted: figures are read-only. */
  locked: boolean;
  /** The sheet revision shown; sent with the file so a change in between is noticed. */
  revision: number | null;
  /** Poll interval of a running job (tests shorten it). */
  pollMs?: number;
}

/** 导入导出: the department-year as an Excel workbook, the import template, and an import with progress and row errors. */
export function ImportTab({ departmentId, fiscalYear, mayEdit, locked, revision, pollMs = IMPORT_POLL_MS }: ImportTabProps) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-tab">
      <ExportCard departmentId={departmentId} fiscalYear={fiscalYear} />
      {mayEdit ? (
        <>
          <TemplateCard />
          <ImportCard departmentId={departmentId} fiscalYear={fiscalYear} locked={locked} revision={revision} pollMs={pollMs} />
        </>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="import-read-only">
          {t('imports.readOnly')}
        </Typography.Paragraph>
      )}
    </Space>
  );
}

/** Runs a download and saves the file; one at a time per card. */
function useDownload() {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (id: string, fetchFile: () => Promise<DownloadedFile>) => {
    setBusy(id);
    try {
      const file = await fetchFile();
      saveBlob(file.blob, file.filename);
      message.success(t('imports.downloaded', { file: file.filename }));
    } catch (error) {
      const text = errorText(error, t);
      notification.error({ title: t('imports.downloadFailed'), description: text.detail ?? text.title });
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

function ExportCard({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { busy, run } = useDownload();
  return (
    <Card size="small" title={t('imports.exportTitle')}>
      <Space orientation="vertical" size={8}>
        <Typography.Text type="secondary">{t('imports.exportHint', { year: fiscalYear })}</Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'workbook'}
          onClick={() => void run('workbook', () => importApi.workbook(client, departmentId, fiscalYear))}
          data-testid="export-workbook"
        >
          {t('imports.exportButton')}
        </Button>
      </Space>
    </Card>
  );
}

function TemplateCard() {
  const { t } = useTranslation();
  const client = useApiClient();
  const { busy, run } = useDownload();
  return (
    <Card size="small" title={t('imports.templateTitle')}>
      <Space orientation="vertical" size={8}>
        <Typography.Text type="secondary">{t('imports.templateHint')}</Typography.Text>
        <Space wrap>
          <Button
            type="primary"
            ghost
            icon={<DownloadOutlined />}
            loading={busy === 'xlsx'}
            onClick={() => void run('xlsx', () => importApi.template(client, 'xlsx'))}
            data-testid="template-xlsx"
          >
            {t('imports.templateXlsx')}
          </Button>
          {TEMPLATE_SHEETS.map((sheet: TemplateSheet) => (
            <Button
              key={sheet}
              icon={<DownloadOutlined />}
              loading={busy === sheet}
              onClick={() => void run(sheet, () => importApi.template(client, 'csv', sheet))}
              data-testid={`template-csv-${sheet}`}
            >
              {t('imports.templateCsv', { sheet: t(`imports.sheets.${sheet}`) })}
            </Button>
          ))}
        </Space>
      </Space>
    </Card>
  );
}

function ImportCard({
  departmentId,
  fiscalYear,
  locked,
  revision,
  pollMs,
}: {
  departmentId: string;
  fiscalYear: number;
  locked: boolean;
  revision: number | null;
  pollMs: number;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [uploadLocked, setUploadLocked] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const refreshedFor = useRef<string | null>(null);

  const recent = useQuery({
    queryKey: importQueryKeys.recent(departmentId, fiscalYear),
    queryFn: ({ signal }) => importApi.recent(client, departmentId, fiscalYear, signal),
  });

  // A job still running from before (the page was reloaded): follow it.
  useEffect(() => {
    const latest = recent.data?.[0];
    if (jobId === null && latest && isActive(latest)) {
      queryClient.setQueryData(importQueryKeys.job(departmentId, fiscalYear, latest.id), latest);
      setJobId(latest.id);
    }
  }, [recent.data, jobId, queryClient, departmentId, fiscalYear]);

  const job = useQuery({
    queryKey: importQueryKeys.job(departmentId, fiscalYear, jobId ?? ''),
    queryFn: ({ signal }) => importApi.job(client, departmentId, fiscalYear, jobId!, signal),
    enabled: jobId !== null,
    refetchInterval: (query) => (isActive(query.state.data) ? pollMs : false),
  });
  const current: ImportJob | undefined = jobId ? job.data : undefined;

  const upload = useMutation({
    mutationFn: (chosen: File) => importApi.upload(client, departmentId, fiscalYear, chosen, revision),
    onMutate: () => setUploadLocked(null),
    onSuccess: (started) => {
      queryClient.setQueryData(importQueryKeys.job(departmentId, fiscalYear, started.id), started);
      setJobId(started.id);
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
    },
    onError: (error) => {
      if (isApiError(error) && error.isFilingLocked) {
        setUploadLocked(error.problem.detail ?? '');
        void queryClient.invalidateQueries({ queryKey: queryKeys.sheet(departmentId, fiscalYear) });
      }
    },
  });

  // Once saved, every view of the year's figures is stale: ask again (evaluation and report follow by events).
  useEffect(() => {
    if (!current || current.state !== 'SUCCEEDED' || refreshedFor.current === current.id) return;
    refreshedFor.current = current.id;
    for (const key of [
      queryKeys.sheet(departmentId, fiscalYear),
      queryKeys.basicExpenditure(departmentId, fiscalYear),
      queryKeys.basicExpenditureAudit(departmentId, fiscalYear),
      queryKeys.yearAudit(departmentId, fiscalYear),
      queryKeys.evaluation(departmentId, fiscalYear),
      queryKeys.report(departmentId, fiscalYear),
      queryKeys.basicExpenditureSection(departmentId, fiscalYear),
    ]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
    void queryClient.invalidateQueries({ queryKey: importQueryKeys.recent(departmentId, fiscalYear) });
  }, [current, queryClient, departmentId, fiscalYear]);

  const running = upload.isPending || isActive(current);
  const showLocked = locked || uploadLocked !== null;

  return (
    <Card size="small" title={t('imports.importTitle')} data-testid="import-card">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {showLocked ? (
          <Alert
            type="warning"
            showIcon
            data-testid="import-locked"
            title={t('imports.lockedTitle', { year: fiscalYear })}
            description={uploadLocked || t('imports.lockedDetail')}
          />
        ) : (
          <>
            <Typography.Text type="secondary">{t('imports.importHint')}</Typography.Text>
            <Form layout="vertical" component="div">
              <Form.Item label={t('imports.fileLabel')} htmlFor="import-file" extra={t('imports.fileHint')} style={{ marginBottom: 8 }}>
                <input
                  ref={inputRef}
                  id="import-file"
                  type="file"
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  disabled={running}
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                  data-testid="import-file"
                />
              </Form.Item>
              <Button
                type="primary"
                icon={<UploadOutlined />}
                disabled={!file || running}
                loading={upload.isPending}
                onClick={() => file && upload.mutate(file)}
                data-testid="import-start"
              >
                {t('imports.start')}
              </Button>
            </Form>
          </>
        )}
        {upload.error && !uploadLocked ? (
          <ErrorAlert error={upload.error} title={t('imports.uploadFailed')} testId="import-upload-error" />
        ) : null}
        {current ? <JobView job={current} /> : null}
        {job.error && jobId ? (
          <ErrorAlert error={job.error} title={t('imports.pollFailed')} onRetry={() => void job.refetch()} testId="import-poll-error" />
        ) : null}
        <RecentImports jobs={recent.data ?? []} />
      </Space>
    </Card>
  );
}

function JobView({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const progress = jobProgress(job);
  const outcome = jobOutcome(job);
  const stageText =
    progress.stage === 'queued'
      ? t('imports.stage.queued')
      : progress.stage === 'validating' || progress.stage === 'saving'
        ? progress.total === null
          ? t(`imports.stage.${progress.stage}`)
          : t(`imports.stage.${progress.stage}Rows`, { processed: progress.processed, total: progress.total })
        : t(`imports.stage.${progress.stage}`);
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="import-job">
      <div>
        <Typography.Text strong>{job.fileName}</Typography.Text>{' '}
        <Typography.Text type="secondary" data-testid="import-progress-text">
          {stageText}
        </Typography.Text>
      </div>
      <Progress
        percent={progress.percent}
        status={progress.status}
        aria-label={t('imports.progressLabel')}
        data-testid="import-progress"
      />
      <Outcome outcome={outcome} />
    </Space>
  );
}

function Outcome({ outcome }: { outcome: JobOutcome }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'running':
      return null;
    case 'succeeded': {
      const s = outcome.summary;
      const details =
        s === null
          ? []
          : [
              t(s.basicChanged ? 'imports.summary.basicChanged' : 'imports.summary.basicSame'),
              t('imports.summary.projects', { created: s.projectsCreated, updated: s.projectsUpdated, unchanged: s.projectsUnchanged }),
              t('imports.summary.lines', { count: s.linesSaved, total: formatWan(s.linesTotal) }),
            ];
      return (
        <Alert
          type="success"
          showIcon
          data-testid="import-succeeded"
          title={t('imports.succeeded', { rows: outcome.rows })}
          description={
            details.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="import-summary">
                {details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      );
    }
    case 'locked':
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="import-locked"
          title={t('imports.lockedTitleJob')}
          description={`${outcome.message ?? t('imports.lockedDetail')} ${t('imports.nothingSaved')}`}
        />
      );
    case 'invalid':
      return (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            data-testid="import-failed"
            title={t('imports.invalidTitle', { count: outcome.errorCount })}
            description={
              <>
                <div>{t('imports.nothingSaved')}</div>
                {outcome.shown < outcome.errorCount ? (
                  <div data-testid="import-errors-truncated">
                    {t('imports.errorsTruncated', { shown: outcome.shown, count: outcome.errorCount })}
                  </div>
                ) : null}
              </>
            }
          />
          <ErrorTable rows={outcome.errors} />
        </Space>
      );
    case 'failed':
      return (
        <Alert
          type="error"
          showIcon
          data-testid="import-failed"
          title={t('imports.failedTitle')}
          description={`${outcome.message ?? ''} ${t('imports.nothingSaved')}`.trim()}
        />
      );
  }
}

function ErrorTable({ rows }: { rows: ErrorRow[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ErrorRow> = [
    { title: t('imports.errors.sheet'), dataIndex: 'sheet', key: 'sheet', width: 100 },
    { title: t('imports.errors.row'), dataIndex: 'row', key: 'row', width: 64, align: 'right' },
    {
      title: t('imports.errors.column'),
      dataIndex: 'column',
      key: 'column',
      width: 64,
      render: (column: string | null) => column ?? '—',
    },
    { title: t('imports.errors.header'), dataIndex: 'header', key: 'header', width: 160, render: (header: string | null) => header ?? '—' },
    { title: t('imports.errors.message'), dataIndex: 'message', key: 'message' },
  ];
  return (
    <Table<ErrorRow>
      data-testid="import-errors"
      size="small"
      bordered
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      onRow={() => ({ 'data-testid': 'import-error-row' }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}

const STATE_COLORS: Record<string, string> = {
  QUEUED: 'default',
  RUNNING: 'processing',
  SUCCEEDED: 'success',
  FAILED: 'error',
  INTERRUPTED: 'warning',
};

function RecentImports({ jobs }: { jobs: readonly ImportJob[] }) {
  const { t, i18n } = useTranslation();
  if (jobs.length === 0) return null;
  const columns: TableColumnsType<ImportJob> = [
    {
      title: t('imports.history.at'),
      dataIndex: 'createdAt',
      key: 'at',
      width: 170,
      render: (at: string | undefined) => (at ? new Date(at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN') : '—'),
    },
    { title: t('imports.history.file'), dataIndex: 'fileName', key: 'file' },
    {
      title: t('imports.history.state'),
      dataIndex: 'state',
      key: 'state',
      width: 100,
      render: (state: string) => <Tag color={STATE_COLORS[state]}>{t(`imports.states.${state}`, { defaultValue: state })}</Tag>,
    },
    { title: t('imports.history.rows'), dataIndex: 'totalRows', key: 'rows', width: 80, align: 'right', render: (n: number | null) => n ?? '—' },
    { title: t('imports.history.by'), dataIndex: 'createdBy', key: 'by', width: 100 },
  ];
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('imports.history.title')}
      </Typography.Title>
      <Table<ImportJob>
        data-testid="import-history"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={[...jobs]}
        pagination={false}
      />
    </div>
  );
}

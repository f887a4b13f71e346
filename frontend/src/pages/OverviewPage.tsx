import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Row, Segmented, Select, Skeleton, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/ApiContext';
import { api, queryKeys } from '../api/endpoints';
import { errorText } from '../api/errorText';
import type { ExportFormat } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import {
  OVERVIEW_PAGE_SIZE,
  lockedParam,
  nextPageParam,
  overviewState,
  searchRows,
  type LockedFilter,
} from '../features/overview/overview';
import {
  FILING_STATUSES,
  GRADES,
  NO_FILTER,
  dashboardQueryKeys,
  fetchWholeSummary,
  filterDashboard,
  isFiltered,
  jurisdictions,
  mergeDashboard,
  summaryExport,
  type DashboardFilter,
  type DashboardRow,
  type GradeFilter,
} from '../features/overview/dashboard';
import { saveBlob } from '../lib/saveFile';
import { useSelection } from '../selection/SelectionContext';
import { overviewColumns } from '../features/overview/overviewColumns';

// ECharts is large: only this page loads it, after the table.
const RateChart = lazy(() => import('../features/overview/RateChart'));
const DashboardCharts = lazy(() => import('../features/overview/DashboardCharts'));
const YearEndRushCard = lazy(() => import('../features/overview/YearEndRushChart'));

type ExportKind = ExportFormat | 'summary-xlsx';

/** 全区概览: every department's figures of the year, for the finance bureau. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message, notification } = App.useApp();
  const { fiscalYear } = useSelection();
  const [lockedFilter, setLockedFilter] = useState<LockedFilter>('all');
  const [search, setSearch] = useState('');
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  const [filter, setFilter] = useState<DashboardFilter>(NO_FILTER);
  const locked = lockedParam(lockedFilter);

  const query = useInfiniteQuery({
    queryKey: queryKeys.overview(fiscalYear, locked),
    queryFn: ({ pageParam, signal }) =>
      api.overview(client, { fiscalYear, locked, cursor: pageParam, limit: OVERVIEW_PAGE_SIZE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextPageParam,
  });
  // Score, grade and filing status (report-service) and the rank (evaluation-service): the table still
  // works without them, with a notice.
  const summary = useQuery({
    queryKey: dashboardQueryKeys.summary(fiscalYear),
    queryFn: ({ signal }) => fetchWholeSummary(client, fiscalYear, signal),
  });
  const ranking = useQuery({
    queryKey: queryKeys.ranking(fiscalYear),
    queryFn: ({ signal }) => api.ranking(client, fiscalYear, signal),
  });
  const state = overviewState(query.data?.pages);
  const merged = useMemo(() => mergeDashboard(state.rows, summary.data, ranking.data), [state.rows, summary.data, ranking.data]);
  const rows = useMemo(() => filterDashboard(searchRows(merged, search), filter), [merged, search, filter]);
  const jurisdictionOptions = useMemo(() => jurisdictions(state.rows), [state.rows]);
  const hasScores = merged.some((row) => row.score !== null || row.filingStatus !== null);

  const download = async (format: ExportKind) => {
    setExporting(format);
    try {
      const file = format === 'summary-xlsx' ? await summaryExport(client, fiscalYear) : await api.exportYear(client, fiscalYear, format);
      saveBlob(file.blob, file.filename);
      message.success(t('overview.exported', { file: file.filename }));
    } catch (error) {
      const text = errorText(error, t);
      notification.error({ title: t('overview.exportFailed'), description: text.detail ?? text.title });
    } finally {
      setExporting(null);
    }
  };

  const columns = overviewColumns(t, fiscalYear);

  const countText =
    (state.hasMore ? t('overview.loaded', { count: state.rows.length }) : t('overview.allLoaded', { count: state.rows.length })) +
    (search.trim() || isFiltered(filter) ? t('overview.matching', { count: rows.length }) : '');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader
        title={t('overview.title')}
        intro={t('overview.intro', { year: fiscalYear })}
        showDepartment={false}
        extra={
          <Space orientation="vertical" size={4} style={{ alignItems: 'flex-end' }}>
            <Space>
              <Button icon={<DownloadOutlined />} loading={exporting === 'csv'} onClick={() => void download('csv')} data-testid="export-csv">
                {t('overview.exportCsv')}
              </Button>
              <Button icon={<DownloadOutlined />} loading={exporting === 'ndjson'} onClick={() => void download('ndjson')} data-testid="export-ndjson">
                {t('overview.exportNdjson')}
              </Button>
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                loading={exporting === 'summary-xlsx'}
                onClick={() => void download('summary-xlsx')}
                data-testid="export-summary-xlsx"
              >
                {t('dashboard.exportXlsx')}
              </Button>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('overview.exportHint')}
            </Typography.Text>
          </Space>
        }
      />
      <Card size="small">
        <Space wrap size="middle" style={{ marginBottom: 12 }}>
          <Space size={4} role="group" aria-label={t('overview.filterLabel')}>
            <Typography.Text>{t('overview.filterLabel')}</Typography.Text>
            <Segmented<LockedFilter>
              value={lockedFilter}
              onChange={setLockedFilter}
              data-testid="overview-locked-filter"
              options={[
                { value: 'all', label: t('overview.filterAll') },
                { value: 'locked', label: t('overview.filterLocked') },
                { value: 'open', label: t('overview.filterOpen') },
              ]}
            />
          </Space>
          <Space size={4} role="group" aria-label={t('dashboard.gradeFilter')}>
            <Typography.Text>{t('dashboard.gradeFilter')}</Typography.Text>
            <Segmented<GradeFilter>
              value={filter.grade}
              onChange={(grade) => setFilter((current) => ({ ...current, grade }))}
              data-testid="dashboard-grade-filter"
              options={[
                { value: 'all', label: t('overview.filterAll') },
                ...GRADES.map((grade) => ({ value: grade, label: grade })),
                { value: 'none', label: t('dashboard.ungraded') },
              ]}
            />
          </Space>
          <Space size={4}>
            <label htmlFor="dashboard-status-filter">{t('dashboard.filingStatus')}</label>
            <Select<string>
              id="dashboard-status-filter"
              value={filter.status}
              onChange={(status) => setFilter((current) => ({ ...current, status: status as DashboardFilter['status'] }))}
              style={{ width: 120 }}
              data-testid="dashboard-status-filter"
              options={[
                { value: 'all', label: t('overview.filterAll') },
                ...FILING_STATUSES.map((status) => ({ value: status, label: t(`dashboard.statuses.${status}`) })),
              ]}
            />
          </Space>
          <Space size={4}>
            <label htmlFor="dashboard-jurisdiction-filter">{t('dashboard.jurisdiction')}</label>
            <Select<string>
              id="dashboard-jurisdiction-filter"
              value={filter.jurisdiction}
              onChange={(jurisdiction) => setFilter((current) => ({ ...current, jurisdiction }))}
              style={{ width: 160 }}
              data-testid="dashboard-jurisdiction-filter"
              options={[
                { value: 'all', label: t('overview.filterAll') },
                ...jurisdictionOptions.map((jurisdiction) => ({ value: jurisdiction, label: jurisdiction })),
              ]}
            />
          </Space>
          <Input.Search
            allowClear
            placeholder={t('overview.search')}
            aria-label={t('overview.search')}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 260 }}
            data-testid="overview-search"
          />
          <Typography.Text type="secondary" data-testid="overview-count">
            {query.isPending ? '' : countText}
          </Typography.Text>
        </Space>
        {summary.error || ranking.error ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="dashboard-scores-unavailable"
            title={t('dashboard.scoresUnavailable')}
            action={
              <Button
                size="small"
                onClick={() => {
                  void summary.refetch();
                  void ranking.refetch();
                }}
              >
                {t('common.retry')}
              </Button>
            }
          />
        ) : null}
        {query.error ? (
          <ErrorAlert error={query.error} title={t('overview.loadFailed')} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <Table<DashboardRow>
              data-testid="overview-table"
              size="small"
              bordered
              rowKey="departmentId"
              columns={columns}
              dataSource={rows}
              loading={query.isPending}
              pagination={false}
              scroll={{ x: 1690 }}
              locale={{ emptyText: t('overview.empty') }}
              onRow={() => ({ 'data-testid': 'overview-row' }) as React.HTMLAttributes<HTMLElement>}
              footer={() => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('common.unitWan')} · {t('overview.pefaLegend')} · {t('dashboard.gradeLegend')}
                </Typography.Text>
              )}
            />
            {state.hasMore ? (
              <div style={{ textAlign: 'center', marginTop: 12 }}>
                <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid="overview-load-more">
                  {t('overview.loadMore')}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </Card>
      {hasScores && rows.length > 0 ? (
        <Suspense fallback={<Skeleton active />}>
          <DashboardCharts rows={rows} />
        </Suspense>
      ) : null}
      {state.rows.length > 0 ? (
        <Suspense fallback={<Skeleton active />}>
          <YearEndRushCard fiscalYear={fiscalYear} />
        </Suspense>
      ) : null}
      {state.rows.length > 0 ? (
        <Card size="small" title={t('overview.chartTitle')}>
          <Suspense fallback={<Skeleton active />}>
            <Row>
              <Col span={24}>
                <RateChart rows={rows} />
              </Col>
            </Row>
          </Suspense>
        </Card>
      ) : null}
    </Space>
  );
}

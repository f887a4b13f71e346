import { lazy, Suspense, useMemo, useState } from 'react';
import { App, Button, Card, Col, Input, Row, Segmented, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/ApiContext';
import { api, queryKeys } from '../api/endpoints';
import { errorText } from '../api/errorText';
import type { ExportFormat, OverviewRow } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import {
  OVERVIEW_PAGE_SIZE,
  PEFA_COLORS,
  lockedParam,
  nextPageParam,
  overviewState,
  pefaGrade,
  rateSorter,
  searchRows,
  type LockedFilter,
} from '../features/overview/overview';
import { formatPercent, formatWan } from '../lib/money';
import { saveBlob } from '../lib/saveFile';
import { DEPARTMENT_PARAM, YEAR_PARAM } from '../selection/resolveSelection';
import { useSelection } from '../selection/SelectionContext';

// ECharts is large: only this page loads it, after the table.
const RateChart = lazy(() => import('../features/overview/RateChart'));

/** 全区概览: every department's figures of the year, for the finance bureau. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message, notification } = App.useApp();
  const { fiscalYear } = useSelection();
  const [lockedFilter, setLockedFilter] = useState<LockedFilter>('all');
  const [search, setSearch] = useState('');
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const locked = lockedParam(lockedFilter);

  const query = useInfiniteQuery({
    queryKey: queryKeys.overview(fiscalYear, locked),
    queryFn: ({ pageParam, signal }) =>
      api.overview(client, { fiscalYear, locked, cursor: pageParam, limit: OVERVIEW_PAGE_SIZE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextPageParam,
  });
  const state = overviewState(query.data?.pages);
  const rows = useMemo(() => searchRows(state.rows, search), [state.rows, search]);

  const download = async (format: ExportFormat) => {
    setExporting(format);
    try {
      const file = await api.exportYear(client, fiscalYear, format);
      saveBlob(file.blob, file.filename);
      message.success(t('overview.exported', { file: file.filename }));
    } catch (error) {
      const text = errorText(error, t);
      notification.error({ title: t('overview.exportFailed'), description: text.detail ?? text.title });
    } finally {
      setExporting(null);
    }
  };

  const departmentLink = (row: OverviewRow) => {
    const params = new URLSearchParams({ [DEPARTMENT_PARAM]: row.departmentId, [YEAR_PARAM]: String(fiscalYear) });
    return `/budget/basic?${params.toString()}`;
  };

  const money = (title: string, key: keyof OverviewRow) => ({
    title,
    dataIndex: key,
    key,
    align: 'right' as const,
    width: 92,
    render: (value: string | null) => formatWan(value),
  });

  const columns: TableColumnsType<OverviewRow> = [
    { title: t('overview.code'), dataIndex: 'departmentCode', key: 'code', width: 80, fixed: 'left' },
    {
      title: t('overview.name'),
      dataIndex: 'departmentName',
      key: 'name',
      fixed: 'left',
      width: 230,
      render: (name: string, row) => (
        <Link to={departmentLink(row)} title={t('overview.open_department')} data-testid="overview-department-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('overview.basic'),
      children: [money(t('overview.budget'), 'basicBudget'), money(t('overview.actual'), 'basicActual')],
    },
    {
      title: t('overview.projects'),
      children: [money(t('overview.budget'), 'projectBudget'), money(t('overview.actual'), 'projectActual')],
    },
    {
      title: t('overview.total'),
      children: [money(t('overview.budget'), 'totalBudget'), money(t('overview.actual'), 'totalActual')],
    },
    {
      title: t('overview.executionRate'),
      dataIndex: 'executionRate',
      key: 'executionRate',
      align: 'right',
      width: 120,
      sorter: rateSorter,
      sortDirections: ['descend', 'ascend'],
      render: (rate: string | null) => {
        const grade = pefaGrade(rate);
        return (
          <Space size={4}>
            <span data-testid="overview-rate">{rate === null ? t('common.missing') : formatPercent(rate)}</span>
            {grade ? (
              <Tag color={PEFA_COLORS[grade]} style={{ marginInlineEnd: 0 }} title={t('overview.pefaLegend')}>
                {grade}
              </Tag>
            ) : null}
          </Space>
        );
      },
    },
    {
      title: t('overview.status'),
      dataIndex: 'locked',
      key: 'locked',
      width: 84,
      render: (isLocked: boolean) =>
        isLocked ? <Tag color="green">{t('overview.locked')}</Tag> : <Tag>{t('overview.open')}</Tag>,
    },
  ];

  const countText =
    (state.hasMore ? t('overview.loaded', { count: state.rows.length }) : t('overview.allLoaded', { count: state.rows.length })) +
    (search.trim() ? t('overview.matching', { count: rows.length }) : '');

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
        {query.error ? (
          <ErrorAlert error={query.error} title={t('overview.loadFailed')} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <Table<OverviewRow>
              data-testid="overview-table"
              size="small"
              bordered
              rowKey="departmentId"
              columns={columns}
              dataSource={rows}
              loading={query.isPending}
              pagination={false}
              scroll={{ x: 1060 }}
              locale={{ emptyText: t('overview.empty') }}
              onRow={() => ({ 'data-testid': 'overview-row' }) as React.HTMLAttributes<HTMLElement>}
              footer={() => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('common.unitWan')} · {t('overview.pefaLegend')}
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

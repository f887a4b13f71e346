import { Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { FilingStatus } from '../../api/types';
import { formatPercent, formatWan } from '../../lib/money';
import { DEPARTMENT_PARAM, YEAR_PARAM } from '../../selection/resolveSelection';
import {
  GRADE_COLORS,
  STATUS_COLORS,
  gradeSorter,
  rankSorter,
  scoreSorter,
  type DashboardRow,
  type Grade,
  type SummaryReReview,
} from './dashboard';
import { PEFA_COLORS, pefaGrade, rateSorter } from './overview';

/**
 * The 全区概览 table's columns: code and name (a link to the department's figures of the year), the
 * money in 万元, the execution rate with its PEFA grade, then score, grade and rank, the 抽查复核 outcome
 * (self versus re-review, 自评偏差较大), lock, filing status and the checker's findings. The test ids are those the page tests and e2e/import-dashboard.spec.ts use.
 */
export function overviewColumns(t: TFunction, fiscalYear: number): TableColumnsType<DashboardRow> {
  const departmentLink = (row: DashboardRow) => {
    const params = new URLSearchParams({ [DEPARTMENT_PARAM]: row.departmentId, [YEAR_PARAM]: String(fiscalYear) });
    return `/budget/basic?${params.toString()}`;
  };

  const money = (title: string, key: keyof DashboardRow) => ({
    title,
    dataIndex: key,
    key,
    align: 'right' as const,
    width: 92,
    render: (value: string | null) => formatWan(value),
  });

  return [
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
      title: t('dashboard.score'),
      dataIndex: 'score',
      key: 'score',
      align: 'right',
      width: 80,
      sorter: scoreSorter,
      sortDirections: ['descend', 'ascend'],
      render: (score: string | null) => <span data-testid="dashboard-score">{score ?? '—'}</span>,
    },
    {
      title: t('dashboard.grade'),
      dataIndex: 'grade',
      key: 'grade',
      align: 'center',
      width: 72,
      sorter: gradeSorter,
      render: (grade: Grade | null) =>
        grade ? (
          <Tag color={GRADE_COLORS[grade]} style={{ marginInlineEnd: 0 }} data-testid="dashboard-grade">
            {grade}
          </Tag>
        ) : (
          <span data-testid="dashboard-grade">—</span>
        ),
    },
    {
      title: t('dashboard.rank'),
      dataIndex: 'rank',
      key: 'rank',
      align: 'right',
      width: 72,
      sorter: rankSorter,
      render: (rank: number | null) => <span data-testid="dashboard-rank">{rank ?? '—'}</span>,
    },
    {
      title: t('dashboard.reReview'),
      dataIndex: 'reReview',
      key: 'reReview',
      width: 150,
      render: (review: SummaryReReview | null) =>
        review ? (
          <Space size={4} data-testid="dashboard-rereview" title={t('dashboard.reReviewDeviation', { deviation: review.deviation })}>
            <span>{t('dashboard.reReviewScores', { self: review.selfTotal, review: review.reviewTotal })}</span>
            {review.flagged ? (
              <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="dashboard-rereview-flag">
                {t('dashboard.reReviewFlagged')}
              </Tag>
            ) : null}
          </Space>
        ) : (
          <span data-testid="dashboard-rereview">—</span>
        ),
    },
    {
      title: t('overview.status'),
      dataIndex: 'locked',
      key: 'locked',
      width: 84,
      render: (isLocked: boolean) =>
        isLocked ? <Tag color="green">{t('overview.locked')}</Tag> : <Tag>{t('overview.open')}</Tag>,
    },
    {
      title: t('dashboard.filingStatus'),
      dataIndex: 'filingStatus',
      key: 'filingStatus',
      width: 92,
      render: (status: FilingStatus | null) =>
        status ? (
          <Tag color={STATUS_COLORS[status]} data-testid="dashboard-status">
            {t(`dashboard.statuses.${status}`)}
          </Tag>
        ) : (
          <span data-testid="dashboard-status">—</span>
        ),
    },
    {
      title: t('dashboard.findings'),
      key: 'findings',
      width: 120,
      render: (_: unknown, row: DashboardRow) =>
        row.fatal === null ? (
          '—'
        ) : (
          // A native tooltip: one antd Tooltip per row makes long tables slow.
          <span
            data-testid="dashboard-findings"
            title={row.mainFindings.length > 0 ? row.mainFindings.join('\n') : t('dashboard.noFindings')}
            style={{ cursor: row.mainFindings.length > 0 ? 'help' : undefined }}
          >
            {t('dashboard.findingCounts', { fatal: row.fatal, warnings: row.warnings ?? 0 })}
          </span>
        ),
    },
  ];
}

import { lazy, Suspense, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/ApiContext';
import { api, queryKeys } from '../api/endpoints';
import type { ScoreItem } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { canEditFigures, canReview } from '../auth/user';
import { fiscalYearRange } from '../config';
import { DepartmentGate, PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { budgetVsActual, scoreTrend } from '../features/evaluation/charts';
import { AdjustScoreModal, SelfScoreModal } from '../features/evaluation/ScoreModals';
import {
  GRADE_KEYS,
  finalScore,
  formatScore,
  gradeColor,
  isQualitative,
  level1Summaries,
  localizedItems,
  lostPoints,
  rowSpans,
} from '../features/evaluation/scoreCard';
import { useSheet } from '../features/figures/useSheet';
import { useSelection } from '../selection/SelectionContext';

const EvaluationCharts = lazy(() => import('../features/evaluation/EvaluationCharts'));

/** 绩效评价: total and grade, every indicator's score and why, self-scores, the bureau's adjustments, charts. */
export default function EvaluationPage() {
  const { t } = useTranslation();
  const { fiscalYear } = useSelection();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('evaluation.title')} intro={t('evaluation.intro', { year: fiscalYear })} />
      <DepartmentGate>
        {(departmentId, year) => <EvaluationContent key={`${departmentId}/${year}`} departmentId={departmentId} fiscalYear={year} />}
      </DepartmentGate>
    </Space>
  );
}

function EvaluationContent({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: number }) {
  const { t, i18n } = useTranslation();
  const client = useApiClient();
  const { user } = useAuth();
  const { linkTo } = useSelection();
  const [selfScoring, setSelfScoring] = useState<ScoreItem | null>(null);
  const [adjusting, setAdjusting] = useState<ScoreItem | null>(null);
  const query = useQuery({
    queryKey: queryKeys.evaluationWithScore(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.evaluationWithScore(client, departmentId, fiscalYear, signal),
  });
  const sheet = useSheet(departmentId, fiscalYear).data;
  // Trend: the same API for each year up to this one (years without figures answer 404 = no point).
  const years = fiscalYearRange().filter((year) => year <= fiscalYear);
  const history = useQueries({
    queries: years.map((year) => ({
      queryKey: queryKeys.evaluationWithScore(departmentId, year),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.evaluationWithScore(client, departmentId, year, signal),
      staleTime: 60_000,
    })),
  });

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.error) {
    return <QueryError error={query.error} title={t('evaluation.loadFailed')} onRetry={() => void query.refetch()} />;
  }
  const card = query.data?.score ?? null;
  if (!card) {
    return (
      <Empty
        data-testid="evaluation-empty"
        description={
          <span>
            {t('evaluation.none', { year: fiscalYear })} <Link to={linkTo('/budget/basic')}>{t('evaluation.enterFigures')}</Link>
          </span>
        }
      />
    );
  }

  const mayEdit = canEditFigures(user) && !(sheet?.locked ?? false);
  const reviewer = canReview(user);
  const items = localizedItems(card.items, i18n.language);
  const spans = rowSpans(items);
  const level1 = level1Summaries(items);
  const trend = scoreTrend(years.map((year, index) => ({ year, evaluation: history[index]?.data })));
  const pending = items.filter((item) => item.status === 'PENDING_SELF_SCORE').length;
  const adjustedCount = items.filter((item) => item.adjustedScore !== null).length;

  const columns: TableColumnsType<ScoreItem> = [
    { title: t('evaluation.level1'), dataIndex: 'level1', key: 'level1', width: 96, onCell: (_r, i) => ({ rowSpan: spans.level1[i ?? 0] }) },
    { title: t('evaluation.level2'), dataIndex: 'level2', key: 'level2', width: 110, onCell: (_r, i) => ({ rowSpan: spans.level2[i ?? 0] }) },
    {
      title: t('evaluation.indicator'),
      key: 'name',
      width: 170,
      render: (_v, item) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{item.name}</Typography.Text>
          {item.ruleText ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.ruleText}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('evaluation.points'), key: 'points', width: 64, align: 'right', render: (_v, item) => formatScore(item.points) },
    {
      title: t('evaluation.value'),
      key: 'value',
      width: 88,
      align: 'right',
      render: (_v, item) => (item.value === null ? '—' : `${formatScore(item.value)}%`),
    },
    {
      title: t('evaluation.selfOrRule'),
      key: 'score',
      width: 90,
      align: 'right',
      render: (_v, item) => <span data-testid="score-self">{formatScore(item.score)}</span>,
    },
    {
      title: t('evaluation.adjusted'),
      key: 'adjusted',
      width: 90,
      align: 'right',
      render: (_v, item) =>
        item.adjustedScore === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Tooltip title={item.adjustment}>
            <Tag color="purple" data-testid="score-adjusted" style={{ marginInlineEnd: 0 }}>
              {formatScore(item.adjustedScore)}
            </Tag>
          </Tooltip>
        ),
    },
    {
      title: t('evaluation.final'),
      key: 'final',
      width: 72,
      align: 'right',
      render: (_v, item) => <Typography.Text strong data-testid="score-final">{formatScore(finalScore(item))}</Typography.Text>,
    },
    {
      title: t('evaluation.why'),
      key: 'why',
      render: (_v, item) => <Explanation item={item} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 96,
      render: (_v, item) => (
        <Space orientation="vertical" size={4}>
          {mayEdit && isQualitative(item) ? (
            <Button size="small" onClick={() => setSelfScoring(item)} data-testid="self-score-button" aria-label={`${t('evaluation.selfScoreAction')} ${item.name}`}>
              {item.status === 'SELF_SCORED' ? t('evaluation.selfScoreChange') : t('evaluation.selfScoreAction')}
            </Button>
          ) : null}
          {reviewer ? (
            <Button size="small" onClick={() => setAdjusting(item)} data-testid="adjust-button" aria-label={`${t('evaluation.adjustAction')} ${item.name}`}>
              {t('evaluation.adjustAction')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small" data-testid="evaluation-total">
            <Statistic
              title={t('evaluation.total')}
              value={formatScore(card.total)}
              suffix={`/ ${formatScore(card.maxPoints)}`}
              styles={{ content: { fontSize: 32 } }}
            />
            <Space style={{ marginTop: 8 }}>
              <span>{t('evaluation.grade')}</span>
              <Tag color={gradeColor(card.grade)} data-testid="evaluation-grade" style={{ fontSize: 16, padding: '2px 10px' }}>
                {card.grade} · {t(`evaluation.grades.${GRADE_KEYS[card.grade] ?? 'unknown'}`)}
              </Tag>
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card size="small" title={t('evaluation.byLevel1')}>
            <Row gutter={[8, 8]}>
              {level1.map((row) => (
                <Col key={row.level1} xs={12} lg={6}>
                  <Statistic
                    title={row.level1}
                    value={row.score}
                    suffix={`/ ${row.points}`}
                    styles={{ content: { fontSize: 20 } }}
                  />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      {pending > 0 ? (
        <Alert type="warning" showIcon data-testid="pending-self-scores" title={t('evaluation.pendingSelf', { count: pending })} description={mayEdit ? t('evaluation.pendingSelfHint') : undefined} />
      ) : null}
      {card.missing.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="missing-data"
          title={t('evaluation.missing', { count: card.missing.length })}
          description={card.missing.join(t('common.listSeparator'))}
          action={canEditFigures(user) ? <Link to={linkTo('/budget/basic')}>{t('evaluation.fixFigures')}</Link> : undefined}
        />
      ) : null}
      {adjustedCount > 0 ? <Alert type="info" showIcon title={t('evaluation.adjustedNote', { count: adjustedCount })} /> : null}

      <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
        <EvaluationCharts categories={budgetVsActual(sheet)} level1={level1} trend={trend} fiscalYear={fiscalYear} />
      </Suspense>

      <Card size="small" title={t('evaluation.tableTitle')}>
        <Table<ScoreItem>
          size="small"
          bordered
          rowKey="code"
          dataSource={items}
          columns={columns}
          pagination={false}
          scroll={{ x: 1100 }}
          data-testid="score-table"
          onRow={(item) => ({ 'data-testid': `score-row-${item.code}` }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
      <SelfScoreModal departmentId={departmentId} fiscalYear={fiscalYear} item={selfScoring} onClose={() => setSelfScoring(null)} />
      <AdjustScoreModal departmentId={departmentId} fiscalYear={fiscalYear} item={adjusting} onClose={() => setAdjusting(null)} />
    </Space>
  );
}

/** Why the score: the service's explanation, the points lost, and the bureau's comment when adjusted. */
function Explanation({ item }: { item: ScoreItem }) {
  const { t, i18n } = useTranslation();
  const lost = lostPoints(item);
  // The service's explanation already says 数据缺失 / 尚未自评 in Chinese; the tag adds it in English.
  const saysItself = (words: string) => (item.explanation ?? '').includes(words) && !i18n.language.startsWith('en');
  const statusTag =
    item.status === 'MISSING' && !saysItself('数据缺失') ? (
      <Tag color="error">{t('evaluation.status.MISSING')}</Tag>
    ) : item.status === 'PENDING_SELF_SCORE' && !saysItself('尚未自评') ? (
      <Tag color="warning">{t('evaluation.status.PENDING_SELF_SCORE')}</Tag>
    ) : item.status === 'SELF_SCORED' ? (
      <Tag color="blue">{t('evaluation.status.SELF_SCORED')}</Tag>
    ) : null;
  return (
    <div data-testid="score-why">
      {statusTag}
      {item.status === 'SELF_SCORED' ? (
        <Typography.Text>
          {t('evaluation.evidenceLabel')}
          {item.explanation}
        </Typography.Text>
      ) : (
        <Typography.Text>{item.explanation}</Typography.Text>
      )}
      {lost !== '0.00' ? (
        <div>
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="score-lost">
            {t('evaluation.lost', { lost })}
          </Typography.Text>
        </div>
      ) : null}
      {item.adjustment ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="score-adjustment-comment">
            {t('evaluation.adjustmentComment', { comment: item.adjustment })}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}

import { lazy, Suspense } from 'react';
import { Alert, Card, Col, Descriptions, Empty, Row, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/ApiContext';
import { api, queryKeys } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import {
  canEditFigures,
  canViewFigures,
  isBureauUser,
  isDepartmentUser,
} from '../auth/user';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatPercent, formatWan } from '../lib/money';
import { useSelection } from '../selection/SelectionContext';
import { formatScore } from '../features/evaluation/scoreCard';
import { statusColor } from '../features/report/findings';
import { SeasonHomeCard } from '../features/season/SeasonHomeCard';

// Only bureau users see the department table: keep antd's Table out of everyone else's load.
const DepartmentsCard = lazy(() => import('./DepartmentsCard'));

export default function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const selection = useSelection();
  const { department, departmentId, fiscalYear, departments } = selection;
  const roleNames = user.roles
    .filter((role) => ['department', 'finance-reviewer', 'finance-api', 'admin'].includes(role))
    .map((role) => t(`roles.${role}`));

  return (
    <div>
      <Typography.Title level={3}>{t('home.welcome', { name: user.displayName })}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('home.roleLine', { roles: roleNames.join(t('common.listSeparator')) || '—' })}
      </Typography.Paragraph>

      {isDepartmentUser(user) && !user.departmentId ? (
        <Alert type="error" showIcon title={t('home.missingDepartmentClaim')} />
      ) : null}
      {selection.departmentsError ? (
        <ErrorAlert error={selection.departmentsError} title={t('header.departmentsFailed')} />
      ) : null}

      <Row gutter={[24, 24]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={12}>
          <Card title={t('home.departmentCard')} size="small">
            {selection.departmentsLoading ? (
              <Skeleton active />
            ) : department ? (
              <Descriptions column={1} size="small" data-testid="home-department">
                <Descriptions.Item label={t('home.departmentName')}>{department.name}</Descriptions.Item>
                <Descriptions.Item label={t('home.departmentCode')}>{department.code}</Descriptions.Item>
                <Descriptions.Item label={t('home.jurisdiction')}>{department.jurisdiction}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty description={t('home.noDepartmentSelected')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        {canViewFigures(user) && departmentId ? (
          <Col xs={24} lg={12}>
            <BasicSummaryCard departmentId={departmentId} fiscalYear={fiscalYear} />
          </Col>
        ) : null}
        {canViewFigures(user) && departmentId ? (
          <Col xs={24} lg={12}>
            <FilingGlanceCard departmentId={departmentId} fiscalYear={fiscalYear} />
          </Col>
        ) : null}
        {isDepartmentUser(user) && user.departmentId ? (
          <Col xs={24} lg={12}>
            <SeasonHomeCard />
          </Col>
        ) : null}
        {isBureauUser(user) ? (
          <Col span={24}>
            <Suspense fallback={<Skeleton active />}>
              <DepartmentsCard departments={departments} />
            </Suspense>
          </Col>
        ) : null}
      </Row>
    </div>
  );
}

/** This year's filing at a glance: status, score and grade, open findings; links to each page. */
function FilingGlanceCard({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { linkTo } = useSelection();
  const filing = useQuery({
    queryKey: queryKeys.filing(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.filing(client, departmentId, fiscalYear, signal),
    // SUBMITTING lasts until budget and evaluation have confirmed their locks (usually seconds)
    refetchInterval: (query) => (query.state.data?.status === 'SUBMITTING' ? 2000 : false),
  });
  const evaluation = useQuery({
    queryKey: queryKeys.evaluationWithScore(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.evaluationWithScore(client, departmentId, fiscalYear, signal),
  });
  const report = useQuery({
    queryKey: queryKeys.report(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.report(client, departmentId, fiscalYear, signal),
  });
  const card = evaluation.data?.score;
  return (
    <Card title={t('home.filingCard', { year: fiscalYear })} size="small" extra={<Link to={linkTo('/report/status')}>{t('home.openReport')}</Link>}>
      {filing.isPending ? (
        <Skeleton active />
      ) : (
        <Descriptions column={1} size="small" data-testid="home-filing">
          <Descriptions.Item label={t('filing.status')}>
            {filing.data ? <Tag color={statusColor(filing.data.status)}>{t(`filing.statuses.${filing.data.status}`)}</Tag> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluation.total')}>
            {evaluation.isPending ? (
              t('app.loading')
            ) : card ? (
              <Link to={linkTo('/evaluation')}>
                {formatScore(card.total)} · {card.grade}
              </Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('home.openFindings')}>
            {report.isPending ? t('app.loading') : report.data ? t('home.findingsCount', { fatal: report.data.fatal, warnings: report.data.warnings }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('home.stillMissing')}>
            {evaluation.isPending ? t('app.loading') : card && card.missing.length > 0 ? card.missing.join(t('common.listSeparator')) : '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

function BasicSummaryCard({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { user } = useAuth();
  const { linkTo } = useSelection();
  const query = useQuery({
    queryKey: queryKeys.basicExpenditure(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.basicExpenditure(client, departmentId, fiscalYear, signal),
  });
  const data = query.data;

  return (
    <Card
      title={t('home.basicCard', { year: fiscalYear })}
      size="small"
      extra={
        <Link to={linkTo('/budget/basic')} data-testid="home-open-basic">
          {canEditFigures(user) ? t('home.openBasic') : t('home.viewBasic')}
        </Link>
      }
    >
      {query.isPending ? (
        <Skeleton active />
      ) : query.error ? (
        <ErrorAlert error={query.error} title={t('basic.loadFailed')} onRetry={() => void query.refetch()} />
      ) : data ? (
        <Descriptions column={1} size="small" data-testid="home-basic">
          <Descriptions.Item label={t('home.budget')}>
            {formatWan(data.budget)} {t('common.wan')}
          </Descriptions.Item>
          <Descriptions.Item label={t('home.actual')}>
            {formatWan(data.actual)} {t('common.wan')}
          </Descriptions.Item>
          <Descriptions.Item label={t('home.variance')}>
            {formatWan(data.variance)} {t('common.wan')}
          </Descriptions.Item>
          <Descriptions.Item label={t('home.executionRate')}>{formatPercent(data.executionRate)}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Tag>{t('home.notEntered')}</Tag>
      )}
    </Card>
  );
}

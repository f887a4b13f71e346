import { Alert, Card, Col, Row, Skeleton, Space, Statistic, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useApiClient } from '../api/ApiContext';
import { api, queryKeys } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { canEditFigures, canReview, isBureauUser } from '../auth/user';
import { ErrorAlert } from '../components/ErrorAlert';
import { DepartmentGate, PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { LockedBanner } from '../features/figures/SaveProblemAlert';
import { useSheet } from '../features/figures/useSheet';
import { DownloadArea } from '../features/report/DownloadArea';
import { FilingHistory } from '../features/report/FilingHistory';
import { FilingPanel } from '../features/report/FilingPanel';
import { FindingsList } from '../features/report/FindingsList';
import { HtmlPreview } from '../features/report/HtmlPreview';
import { NarrativeEditor } from '../features/report/NarrativeEditor';
import { useSelection } from '../selection/SelectionContext';

export const REPORT_TABS = ['status', 'narrative', 'preview', 'history'] as const;
type ReportTab = (typeof REPORT_TABS)[number];

function isReportTab(value: string | undefined): value is ReportTab {
  return (REPORT_TABS as readonly string[]).includes(value ?? '');
}

/** 自评报告与报送: findings and filing, the narrative, the preview, the history; reviewers review here too. */
export default function ReportPage() {
  const { t } = useTranslation();
  const { tab } = useParams();
  const { fiscalYear, linkTo } = useSelection();
  if (!isReportTab(tab)) return <Navigate to={linkTo('/report/status')} replace />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('reportPage.title')} intro={t('reportPage.intro', { year: fiscalYear })} />
      <DepartmentGate>
        {(departmentId, year) => <ReportContent key={`${departmentId}/${year}`} departmentId={departmentId} fiscalYear={year} tab={tab} />}
      </DepartmentGate>
    </Space>
  );
}

function ReportContent({ departmentId, fiscalYear, tab }: { departmentId: string; fiscalYear: number; tab: ReportTab }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { linkTo } = useSelection();
  const report = useQuery({
    queryKey: queryKeys.report(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.report(client, departmentId, fiscalYear, signal),
  });
  const filing = useQuery({
    queryKey: queryKeys.filing(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.filing(client, departmentId, fiscalYear, signal),
    // SUBMITTING lasts until budget and evaluation have confirmed their locks (usually seconds)
    refetchInterval: (query) => (query.state.data?.status === 'SUBMITTING' ? 2000 : false),
  });
  const narrative = useQuery({
    queryKey: queryKeys.narrative(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.narrative(client, departmentId, fiscalYear, signal),
    enabled: tab === 'narrative',
  });
  const preview = useQuery({
    queryKey: queryKeys.reportPreview(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.reportPreview(client, departmentId, fiscalYear, signal),
    enabled: tab === 'preview',
  });
  const sheet = useSheet(departmentId, fiscalYear).data;

  const firstError = report.error ?? filing.error;
  if (firstError) {
    return <QueryError error={firstError} title={t('reportPage.loadFailed')} onRetry={() => void Promise.all([report.refetch(), filing.refetch()])} />;
  }
  if (report.isPending || filing.isPending || !filing.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const filingData = filing.data;
  if (!report.data) {
    return <Alert type="info" showIcon data-testid="report-none" title={t('reportPage.none', { year: fiscalYear })} />;
  }

  const status = filingData.status;
  // While submitted or approved, the department cannot change anything (the services refuse too).
  const frozen = status === 'SUBMITTED' || status === 'APPROVED' || (sheet?.locked ?? false);
  const mayEdit = canEditFigures(user);
  const { fatal, warnings, findings } = report.data;

  const items = [
    {
      key: 'status',
      label: t('reportPage.tabs.status'),
      children: (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('reportPage.findingsTitle')} extra={<DownloadArea departmentId={departmentId} fiscalYear={fiscalYear} />}>
            <Row gutter={16} style={{ marginBottom: 12 }}>
              <Col>
                <Statistic title={t('findings.fatal')} value={fatal} styles={{ content: { color: fatal > 0 ? '#cf1322' : undefined } }} data-testid="fatal-count" />
              </Col>
              <Col>
                <Statistic title={t('findings.warning')} value={warnings} data-testid="warning-count" />
              </Col>
            </Row>
            <FindingsList findings={findings} withFixLinks={mayEdit} />
          </Card>
        </Space>
      ),
    },
    {
      key: 'narrative',
      label: t('reportPage.tabs.narrative'),
      children: narrative.isPending ? (
        <Skeleton active />
      ) : narrative.error ? (
        <ErrorAlert error={narrative.error} title={t('narrative.loadFailed')} onRetry={() => void narrative.refetch()} />
      ) : (
        <NarrativeEditor departmentId={departmentId} fiscalYear={fiscalYear} narrative={narrative.data} editable={mayEdit && !frozen} />
      ),
    },
    {
      key: 'preview',
      label: t('reportPage.tabs.preview'),
      children: preview.isPending ? (
        <Skeleton active />
      ) : preview.error ? (
        <ErrorAlert error={preview.error} title={t('reportPage.previewFailed')} onRetry={() => void preview.refetch()} />
      ) : (
        <HtmlPreview html={preview.data} />
      ),
    },
    {
      key: 'history',
      label: t('reportPage.tabs.history'),
      children: <FilingHistory departmentId={departmentId} fiscalYear={fiscalYear} filing={filingData} />,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!mayEdit && isBureauUser(user) ? <Alert type="info" showIcon title={t('reportPage.readOnlyBureau')} /> : null}
      {mayEdit && frozen ? <LockedBanner fiscalYear={fiscalYear} /> : null}
      <FilingPanel
        departmentId={departmentId}
        fiscalYear={fiscalYear}
        filing={filingData}
        fatal={fatal}
        mayEdit={mayEdit}
        mayReview={canReview(user)}
      />
      <Tabs activeKey={tab} onChange={(key) => navigate(linkTo(`/report/${key}`))} items={items} data-testid="report-tabs" />
    </Space>
  );
}

import { lazy, Suspense } from 'react';
import { Alert, Card, Col, Row, Skeleton, Space, Statistic, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { BudgetSheet } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { canEditFigures, isBureauUser } from '../auth/user';
import { ErrorAlert } from '../components/ErrorAlert';
import { DepartmentGate, PageHeader } from '../components/PageHeader';
import { BasicExpenditureTab } from '../features/basicExpenditure/BasicExpenditureTab';
import { LockedBanner } from '../features/figures/SaveProblemAlert';
import { useSheet } from '../features/figures/useSheet';
import { formatPercent, formatWan } from '../lib/money';
import { useSelection } from '../selection/SelectionContext';

// Each tab is its own chunk: the 基本支出 tab (the usual entry) does not wait for the others.
const ProjectsTab = lazy(() => import('../features/projects/ProjectsTab').then((m) => ({ default: m.ProjectsTab })));
const OtherFiguresTab = lazy(() =>
  import('../features/otherFigures/OtherFiguresTab').then((m) => ({ default: m.OtherFiguresTab })),
);
const ReasonsTab = lazy(() => import('../features/reasons/ReasonsTab').then((m) => ({ default: m.ReasonsTab })));
const YearAuditTable = lazy(() =>
  import('../features/audit/YearAuditTable').then((m) => ({ default: m.YearAuditTable })),
);
const ImportTab = lazy(() => import('../features/import/ImportTab').then((m) => ({ default: m.ImportTab })));

export const BUDGET_TABS = ['basic', 'projects', 'other', 'reasons', 'audit', 'import'] as const;
export type BudgetTab = (typeof BUDGET_TABS)[number];

function isBudgetTab(value: string | undefined): value is BudgetTab {
  return (BUDGET_TABS as readonly string[]).includes(value ?? '');
}

/** 预算与支出: one tab per section of the year's figures; the tab is part of the URL (/budget/projects). */
export default function BudgetPage() {
  const { t } = useTranslation();
  const { tab } = useParams();
  const { fiscalYear, linkTo } = useSelection();
  if (!isBudgetTab(tab)) {
    return <Navigate to={linkTo('/budget/basic')} replace />;
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('budget.title')} intro={t('budget.intro', { year: fiscalYear })} />
      <DepartmentGate>
        {(departmentId, year) => (
          <BudgetContent key={`${departmentId}/${year}`} departmentId={departmentId} fiscalYear={year} tab={tab} />
        )}
      </DepartmentGate>
    </Space>
  );
}

function BudgetContent({ departmentId, fiscalYear, tab }: { departmentId: string; fiscalYear: number; tab: BudgetTab }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { linkTo } = useSelection();
  const sheetQuery = useSheet(departmentId, fiscalYear);
  const sheet = sheetQuery.data;
  const mayEdit = canEditFigures(user);
  const locked = sheet?.locked ?? false;
  const editable = mayEdit && !locked;

  const sheetTab = (render: (sheet: BudgetSheet) => React.ReactNode) =>
    sheetQuery.isPending ? (
      <Skeleton active paragraph={{ rows: 6 }} />
    ) : sheetQuery.error || !sheet ? (
      <ErrorAlert error={sheetQuery.error} title={t('budget.sheetFailed')} onRetry={() => void sheetQuery.refetch()} />
    ) : (
      <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>{render(sheet)}</Suspense>
    );

  const items = [
    {
      key: 'basic',
      label: t('budget.tabs.basic'),
      children: <BasicExpenditureTab departmentId={departmentId} fiscalYear={fiscalYear} editable={editable} />,
    },
    {
      key: 'projects',
      label: t('budget.tabs.projects'),
      children: sheetTab((data) => (
        <ProjectsTab departmentId={departmentId} fiscalYear={fiscalYear} sheet={data} editable={editable} />
      )),
    },
    {
      key: 'other',
      label: t('budget.tabs.other'),
      children: sheetTab((data) => (
        <OtherFiguresTab departmentId={departmentId} fiscalYear={fiscalYear} sheet={data} editable={editable} />
      )),
    },
    {
      key: 'reasons',
      label: t('budget.tabs.reasons'),
      children: sheetTab((data) => (
        <ReasonsTab departmentId={departmentId} fiscalYear={fiscalYear} sheet={data} editable={editable} />
      )),
    },
    {
      key: 'audit',
      label: t('budget.tabs.audit'),
      children: (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <Typography.Paragraph type="secondary">{t('yearAudit.intro', { year: fiscalYear })}</Typography.Paragraph>
          <YearAuditTable departmentId={departmentId} fiscalYear={fiscalYear} />
        </Suspense>
      ),
    },
    {
      key: 'import',
      label: t('budget.tabs.import'),
      children: (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
          <ImportTab
            departmentId={departmentId}
            fiscalYear={fiscalYear}
            mayEdit={mayEdit}
            locked={locked}
            revision={sheet?.revision ?? null}
          />
        </Suspense>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!mayEdit ? <Alert type="info" showIcon title={isBureauUser(user) ? t('basic.readOnly') : t('common.readOnly')} /> : null}
      {locked ? <LockedBanner fiscalYear={fiscalYear} /> : null}
      {sheet ? <SheetSummary sheet={sheet} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(linkTo(`/budget/${key}`))}
        items={items}
        data-testid="budget-tabs"
      />
    </Space>
  );
}

/** The year at a glance: basic and project budget, actual and rate. */
function SheetSummary({ sheet }: { sheet: BudgetSheet }) {
  const { t } = useTranslation();
  const block = (title: string, budget: string | null | undefined, actual: string | null | undefined, rate: string | null | undefined, testId: string) => (
    <Col xs={24} md={12}>
      <Card size="small" title={title} data-testid={testId}>
        <Row gutter={16}>
          <Col span={9}>
            <Statistic title={t('common.fieldWithUnit', { label: t('budget.summary.budget'), unit: t('common.wan') })} value={formatWan(budget)} groupSeparator="" styles={{ content: { fontSize: 18 } }} />
          </Col>
          <Col span={9}>
            <Statistic title={t('common.fieldWithUnit', { label: t('budget.summary.actual'), unit: t('common.wan') })} value={formatWan(actual)} groupSeparator="" styles={{ content: { fontSize: 18 } }} />
          </Col>
          <Col span={6}>
            <Statistic title={t('budget.summary.rate')} value={formatPercent(rate)} styles={{ content: { fontSize: 18 } }} />
          </Col>
        </Row>
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]} data-testid="sheet-summary">
      {block(t('budget.summary.basic'), sheet.basic?.budget, sheet.basic?.actual, sheet.basic?.executionRate, 'summary-basic')}
      {block(
        t('budget.summary.projects'),
        sheet.projectTotals?.budget,
        sheet.projectTotals?.actual,
        sheet.projectTotals?.executionRate,
        'summary-projects',
      )}
    </Row>
  );
}

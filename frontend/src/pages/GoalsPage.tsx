import { Alert, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/ApiContext';
import { api, queryKeys } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { canEditFigures, isBureauUser } from '../auth/user';
import { DepartmentGate, PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { LockedBanner } from '../features/figures/SaveProblemAlert';
import { useSheet } from '../features/figures/useSheet';
import { GoalsEditor } from '../features/goals/GoalsEditor';
import { goalStats } from '../features/goals/goals';
import { useSelection } from '../selection/SelectionContext';

/** 绩效目标: the year's goals and their indicators with target and actual. */
export default function GoalsPage() {
  const { t } = useTranslation();
  const { fiscalYear } = useSelection();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('goals.title')} intro={t('goals.intro', { year: fiscalYear })} />
      <DepartmentGate>
        {(departmentId, year) => <GoalsContent key={`${departmentId}/${year}`} departmentId={departmentId} fiscalYear={year} />}
      </DepartmentGate>
    </Space>
  );
}

function GoalsContent({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { user } = useAuth();
  const query = useQuery({
    queryKey: queryKeys.goals(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.goals(client, departmentId, fiscalYear, signal),
  });
  // Goals follow the filing: once submitted, the year is read-only everywhere.
  const locked = useSheet(departmentId, fiscalYear).data?.locked ?? false;
  const mayEdit = canEditFigures(user);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.error) {
    return <QueryError error={query.error} title={t('goals.loadFailed')} onRetry={() => void query.refetch()} />;
  }
  const stats = goalStats(query.data.indicators);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!mayEdit ? <Alert type="info" showIcon title={isBureauUser(user) ? t('basic.readOnly') : t('common.readOnly')} /> : null}
      {locked ? <LockedBanner fiscalYear={fiscalYear} /> : null}
      <Typography.Text type="secondary" data-testid="goals-stats">
        {t('goals.stats', stats)}
      </Typography.Text>
      <GoalsEditor departmentId={departmentId} fiscalYear={fiscalYear} goals={query.data} editable={mayEdit && !locked} />
    </Space>
  );
}

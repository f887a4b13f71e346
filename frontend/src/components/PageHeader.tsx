import type { ReactNode } from 'react';
import { Empty, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSelection } from '../selection/SelectionContext';

/** Page title with the department and year it is about, and a short explanation. */
export function PageHeader({ title, intro, extra, showDepartment = true, showYear = true }: {
  title: string;
  intro?: ReactNode;
  extra?: ReactNode;
  showDepartment?: boolean;
  /** Pages that are not about a year (checker, API) leave it out. */
  showYear?: boolean;
}) {
  const { t } = useTranslation();
  const { department, fiscalYear } = useSelection();
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <div style={{ minWidth: 0, flex: '1 1 480px' }}>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {title}
          <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12, fontWeight: 'normal' }} data-testid="page-department">
            {showDepartment && department ? `${department.name} · ` : ''}
            {showYear ? t('header.yearOption', { year: fiscalYear }) : ''}
          </Typography.Text>
        </Typography.Title>
        {intro ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0, maxWidth: 960 }}>
            {intro}
          </Typography.Paragraph>
        ) : null}
      </div>
      {extra ? <div>{extra}</div> : null}
    </div>
  );
}

/** Renders its content for the selected department, a skeleton while it is being resolved. */
export function DepartmentGate({ children }: { children: (departmentId: string, fiscalYear: number) => ReactNode }) {
  const { t } = useTranslation();
  const { departmentId, fiscalYear, departmentsLoading } = useSelection();
  if (departmentId) {
    return <>{children(departmentId, fiscalYear)}</>;
  }
  if (departmentsLoading) {
    return <Skeleton active />;
  }
  return <Empty description={t('common.noDepartment')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}

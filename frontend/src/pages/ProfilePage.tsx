import { Alert, Col, Row, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { canEditFigures, isBureauUser } from '../auth/user';
import { DepartmentGate, PageHeader } from '../components/PageHeader';
import { ErrorAlert } from '../components/ErrorAlert';
import { LockedBanner } from '../features/figures/SaveProblemAlert';
import { useSheet } from '../features/figures/useSheet';
import { ProfileCard } from '../features/profile/ProfileCard';
import { StaffingCard } from '../features/profile/StaffingCard';
import { useSelection } from '../selection/SelectionContext';

/** 单位情况: the department's profile and the year's staffing. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const { fiscalYear } = useSelection();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('profile.title')} intro={t('profile.intro', { year: fiscalYear })} />
      <DepartmentGate>
        {(departmentId, year) => <ProfileContent key={`${departmentId}/${year}`} departmentId={departmentId} fiscalYear={year} />}
      </DepartmentGate>
    </Space>
  );
}

function ProfileContent({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const sheet = useSheet(departmentId, fiscalYear);
  const mayEdit = canEditFigures(user);
  const locked = sheet.data?.locked ?? false;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!mayEdit ? <Alert type="info" showIcon title={isBureauUser(user) ? t('basic.readOnly') : t('common.readOnly')} /> : null}
      {locked ? <LockedBanner fiscalYear={fiscalYear} /> : null}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={14}>
          <ProfileCard departmentId={departmentId} fiscalYear={fiscalYear} editable={mayEdit} />
        </Col>
        <Col xs={24} xl={10}>
          {sheet.isPending ? (
            <Skeleton active />
          ) : sheet.error || !sheet.data ? (
            <ErrorAlert error={sheet.error} title={t('budget.sheetFailed')} onRetry={() => void sheet.refetch()} />
          ) : (
            <StaffingCard departmentId={departmentId} fiscalYear={fiscalYear} sheet={sheet.data} editable={mayEdit && !locked} />
          )}
        </Col>
      </Row>
    </Space>
  );
}

import { lazy, Suspense } from 'react';
import { Button, Layout, Menu, Segmented, Select, Skeleton, Space, Tooltip, Typography, theme } from 'antd';
import {
  AimOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudDownloadOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundOutlined,
  HomeOutlined,
  LogoutOutlined,
  ProfileOutlined,
  TeamOutlined,
  UserAddOutlined, AlertOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { isDepartmentUser } from '../auth/user';
import { fiscalYearRange } from '../config';
import { changeLanguage, currentLanguage, isLanguage } from '../i18n';
import { useSelection } from '../selection/SelectionContext';
import { activeNavPath, visibleNavItems } from './navigation';

const ICONS: Record<string, React.ReactNode> = {
  '/': <HomeOutlined />,
  '/profile': <TeamOutlined />,
  '/budget/basic': <FileTextOutlined />,
  '/goals': <AimOutlined />,
  '/evaluation': <FundOutlined />,
  '/report/status': <AuditOutlined />,
  '/overview': <BarChartOutlined />,
  '/rounds': <CalendarOutlined />,
  '/checker': <FileSearchOutlined />,
  '/templates': <ProfileOutlined />,
  '/batches': <CloudDownloadOutlined />,
  '/admin/departments': <UserAddOutlined />,
  '/admin/events': <AlertOutlined />,
  '/api-access': <ApiOutlined />,
};

const ForbiddenPage = lazy(() => import('../pages/ForbiddenPage'));

export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { user, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const selection = useSelection();
  const queryClient = useQueryClient();

  const menuItems = visibleNavItems(user).map((item) => ({
    key: item.path,
    icon: ICONS[item.path],
    label: t(item.labelKey),
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220} theme="light">
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={4} style={{ margin: 0, color: token.colorPrimary }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.subtitle')}
          </Typography.Text>
        </div>
        <nav aria-label={t('app.title')}>
          <Menu
            mode="inline"
            selectedKeys={[activeNavPath(location.pathname)]}
            items={menuItems}
            onClick={({ key }) => navigate(selection.linkTo(key))}
            data-testid="main-menu"
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            flexWrap: 'wrap',
            height: 'auto',
            minHeight: 64,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space size="middle" wrap>
            <DepartmentSwitch />
            <Space size={4}>
              <label htmlFor="fiscal-year-switch">{t('header.fiscalYear')}</label>
              <Select<number>
                id="fiscal-year-switch"
                data-testid="fiscal-year-switch"
                value={selection.fiscalYear}
                onChange={selection.setFiscalYear}
                style={{ width: 130 }}
                options={fiscalYearRange().map((year) => ({
                  value: year,
                  label: t('header.yearOption', { year }),
                }))}
              />
            </Space>
          </Space>
          <Space size="middle" wrap>
            <div role="group" aria-label={t('header.language')}>
              <Segmented<string>
                data-testid="language-switch"
                value={currentLanguage()}
                onChange={(value) => {
                  // Server texts (score explanations, findings) follow Accept-Language: fetch them again.
                  if (isLanguage(value)) void changeLanguage(value).then(() => queryClient.invalidateQueries());
                }}
                options={[
                  { value: 'zh-CN', label: <span lang="zh-CN">中文</span> },
                  { value: 'en', label: <span lang="en">English</span> },
                ]}
              />
            </div>
            <Tooltip title={user.username}>
              <Space size={4} data-testid="user-name">
                <UserOutlined />
                <span>{user.displayName}</span>
              </Space>
            </Tooltip>
            <Button icon={<LogoutOutlined />} onClick={logout} data-testid="logout-button">
              {t('header.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<Skeleton active />}>
            {selection.refusedDepartmentId ? <ForbiddenPage reason="department" /> : <Outlet />}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Department users see their own department only; bureau users pick any department. */
function DepartmentSwitch() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const selection = useSelection();

  if (isDepartmentUser(user)) {
    const name = selection.department?.name ?? (selection.departmentsLoading ? t('app.loading') : undefined);
    return (
      <Space size={4}>
        <span>{t('header.department')}</span>
        <Typography.Text strong data-testid="department-name">
          {user.departmentId ? (name ?? user.departmentId) : t('header.noDepartment')}
        </Typography.Text>
      </Space>
    );
  }
  return (
    <Space size={4}>
      <label htmlFor="department-switch">{t('header.department')}</label>
      <Select<string>
        id="department-switch"
        data-testid="department-switch"
        showSearch={{ optionFilterProp: 'label' }}
        loading={selection.departmentsLoading}
        placeholder={t('header.selectDepartment')}
        value={selection.departmentId}
        onChange={selection.setDepartment}
        style={{ width: 300 }}
        options={selection.departments.map((department) => ({ value: department.id, label: department.name }))}
      />
    </Space>
  );
}

import { useEffect, useRef } from 'react';
import { Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { isDepartmentUser } from '../auth/user';
import { useSelection } from '../selection/SelectionContext';

export type ForbiddenReason = 'page' | 'department' | 'server';

/**
 * 403: the page is for another role, the URL names another department's data, or the server refused
 * the call. Says which, and offers the way back; the heading takes the focus so screen readers
 * announce it.
 */
export default function ForbiddenPage({ reason = 'page' }: { reason?: ForbiddenReason }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { pathname } = useLocation();
  const { linkTo } = useSelection();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const detail =
    reason === 'department'
      ? t('forbidden.department')
      : reason === 'server'
        ? t('forbidden.server')
        : isDepartmentUser(user)
          ? t('forbidden.bureauPage')
          : t('forbidden.rolePage');
  return (
    <Result
      status="403"
      data-testid="forbidden-page"
      title={
        <h1 ref={heading} tabIndex={-1} style={{ fontSize: 24, margin: 0, outline: 'none' }}>
          {t('forbidden.heading')}
        </h1>
      }
      subTitle={<span data-testid="forbidden-reason">{detail}</span>}
      extra={
        <Space size="large" wrap>
          {reason === 'department' ? (
            <Link to={linkTo(pathname)} data-testid="forbidden-own">
              {t('forbidden.openOwn')}
            </Link>
          ) : null}
          <Link to={linkTo('/')}>{t('notFound.back')}</Link>
        </Space>
      }
    />
  );
}

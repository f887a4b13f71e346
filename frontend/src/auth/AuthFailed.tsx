import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown when Keycloak cannot be reached at start (a chunk of its own: antd's Result is not small). */
export default function AuthFailed() {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('app.authFailed')}
      subTitle={t('app.authFailedDetail')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}

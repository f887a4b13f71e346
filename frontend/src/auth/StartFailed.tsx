import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Shown when the app cannot start: Keycloak cannot be reached ('auth'), or the frame's chunk could not
 * be loaded ('network'). A chunk of its own: antd's Result is not small.
 */
export default function StartFailed({ reason }: { reason: 'auth' | 'network' }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={reason === 'auth' ? t('app.authFailed') : t('errors.title')}
      subTitle={reason === 'auth' ? t('app.authFailedDetail') : t('errors.network')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}

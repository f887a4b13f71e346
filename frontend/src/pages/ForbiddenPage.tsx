import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('forbidden.title')}
      extra={<Link to="/">{t('notFound.back')}</Link>}
    />
  );
}

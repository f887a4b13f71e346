import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errorText';

interface ErrorAlertProps {
  error: unknown;
  /** What failed, e.g. "基本支出数据加载失败". */
  title?: string;
  onRetry?: () => void;
  testId?: string;
}

/** An inline error with the server's explanation and an optional retry. */
export function ErrorAlert({ error, title, onRetry, testId }: ErrorAlertProps) {
  const { t } = useTranslation();
  const text = errorText(error, t);
  const description = [title ? text.title : undefined, text.detail].filter(Boolean).join(' — ');
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={title ?? text.title}
      description={description || undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** "已恢复未保存的内容": shown above a form whose draft came back after a new login, with a way to drop it. */
export function DraftNotice({ onDiscard }: { onDiscard(): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="draft-restored"
      title={t('draft.restored')}
      description={t('draft.restoredDetail')}
      action={
        <Button size="small" onClick={onDiscard} data-testid="draft-discard">
          {t('draft.discard')}
        </Button>
      }
    />
  );
}

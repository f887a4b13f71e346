import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SaveProblem } from './useSectionSave';

/** The conflict (with a reload button) or the lock message of a failed save. */
export function SaveProblemAlert({
  problem,
  fiscalYear,
  onReload,
}: {
  problem: SaveProblem | null;
  fiscalYear: number;
  onReload(): void;
}) {
  const { t } = useTranslation();
  if (!problem) {
    return null;
  }
  if (problem.kind === 'locked') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="locked-alert"
        title={problem.message ?? t('lock.title', { year: fiscalYear })}
        description={problem.message ? undefined : t('lock.description')}
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="conflict-alert"
      title={t('conflict.title')}
      description={t('conflict.description')}
      action={
        <Button size="small" type="primary" onClick={onReload} data-testid="conflict-reload">
          {t('conflict.reload')}
        </Button>
      }
    />
  );
}

/** The year's figures are locked (submitted filing): shown on top of every section. */
export function LockedBanner({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="locked-banner"
      title={t('lock.title', { year: fiscalYear })}
      description={t('lock.description')}
    />
  );
}

import { useTranslation } from 'react-i18next';

/**
 * The report's HTML as the service renders it, in a sandboxed frame (no scripts, no navigation):
 * the markup comes from our service, but the frame keeps its styles away from the app's.
 */
export function HtmlPreview({ html, title, testId = 'report-preview' }: { html: string; title?: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <iframe
      title={title ?? t('reportPage.previewTitle')}
      data-testid={testId}
      sandbox=""
      srcDoc={html}
      style={{ width: '100%', height: '75vh', border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
    />
  );
}

import { useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api } from '../../api/endpoints';
import { errorText } from '../../api/errorText';
import { saveBlob } from '../../lib/saveFile';
import { DOWNLOAD_FORMATS, type DownloadFormat } from './findings';

/** One button per format the report service serves (DOWNLOAD_FORMATS); downloaded with the token. */
export function DownloadArea({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message, notification } = App.useApp();
  const [busy, setBusy] = useState<DownloadFormat['key'] | null>(null);
  const download = async (format: DownloadFormat) => {
    setBusy(format.key);
    try {
      const file = await api.reportFile(client, departmentId, fiscalYear, format.file, `report-${fiscalYear}.${format.key}`);
      saveBlob(file.blob, file.filename);
      message.success(t('downloads.done', { file: file.filename }));
    } catch (error) {
      const text = errorText(error, t);
      notification.error({ title: t('downloads.failed'), description: text.detail ?? text.title });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap data-testid="download-area">
      {DOWNLOAD_FORMATS.filter((format) => format.available).map((format) => (
        <Button
          key={format.key}
          icon={<DownloadOutlined />}
          loading={busy === format.key}
          onClick={() => void download(format)}
          data-testid={`download-${format.key}`}
        >
          {t(`downloads.${format.key}`)}
        </Button>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('downloads.note')}
      </Typography.Text>
    </Space>
  );
}

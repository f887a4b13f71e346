import { Button, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api } from '../../api/endpoints';
import { useDownload } from '../../components/useDownload';
import { DOWNLOAD_FORMATS, type DownloadFormat } from './findings';

/** One button per format the report service serves (DOWNLOAD_FORMATS); downloaded with the token. */
export function DownloadArea({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { busy, download: run } = useDownload<DownloadFormat['key']>();
  const download = (format: DownloadFormat) =>
    run(format.key, () => api.reportFile(client, departmentId, fiscalYear, format.file, `report-${fiscalYear}.${format.key}`));
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

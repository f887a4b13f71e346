import { useState } from 'react';
import { Alert, Card, Col, Descriptions, Row, Space, Spin, Statistic, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/ApiContext';
import { api } from '../api/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { FindingsList } from '../features/report/FindingsList';

/** The service refuses more (413); saying so before the upload saves the wait. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export function uploadProblem(file: { name: string; size: number }): 'type' | 'size' | 'empty' | null {
  if (!/\.(txt|docx)$/i.test(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_UPLOAD_BYTES) return 'size';
  return null;
}

/** 检查器: any report (.txt in UTF-8 or GBK, or .docx) through the consistency checker. */
export default function CheckerPage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const [fileName, setFileName] = useState<string | null>(null);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const check = useMutation({ mutationFn: (file: File) => api.checkReport(client, file) });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('checker.title')} intro={t('checker.intro')} showDepartment={false} showYear={false} />
      <Upload.Dragger
        accept=".txt,.docx"
        multiple={false}
        showUploadList={false}
        disabled={check.isPending}
        beforeUpload={(file) => {
          const problem = uploadProblem(file);
          setFileName(file.name);
          setLocalProblem(problem ? t(`checker.problems.${problem}`) : null);
          if (!problem) check.mutate(file);
          return false;
        }}
        data-testid="checker-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('checker.drop')}</p>
        <p className="ant-upload-hint">{t('checker.hint')}</p>
      </Upload.Dragger>
      {localProblem ? <Alert type="error" showIcon title={localProblem} data-testid="checker-local-problem" /> : null}
      {check.isPending ? <Spin description={t('checker.checking', { file: fileName })} /> : null}
      {check.error ? <ErrorAlert error={check.error} title={t('checker.failed', { file: fileName })} testId="checker-error" /> : null}
      {check.data && !check.isPending ? (
        <Card size="small" title={t('checker.resultTitle', { file: fileName })} data-testid="checker-result">
          <Row gutter={24} style={{ marginBottom: 12 }}>
            <Col>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('checker.format')}>{check.data.format}</Descriptions.Item>
                <Descriptions.Item label={t('checker.paragraphs')}>{check.data.paragraphs}</Descriptions.Item>
              </Descriptions>
            </Col>
            <Col>
              <Statistic title={t('findings.fatal')} value={check.data.fatal} data-testid="checker-fatal" styles={{ content: { color: check.data.fatal > 0 ? '#cf1322' : undefined } }} />
            </Col>
            <Col>
              <Statistic title={t('findings.warning')} value={check.data.warnings} data-testid="checker-warnings" />
            </Col>
          </Row>
          <FindingsList findings={check.data.findings} withFixLinks={false} testId="checker-findings" />
        </Card>
      ) : null}
    </Space>
  );
}

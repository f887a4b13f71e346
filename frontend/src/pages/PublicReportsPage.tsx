import { useState } from 'react';
import { Empty, Select, Skeleton, Space, Table, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchPublicReports, publicationKeys, publicHref, type PublicEntry } from '../api/publication';
import { ErrorAlert } from '../components/ErrorAlert';
import { fiscalYearRange } from '../config';
import { formatDateTime } from '../features/report/format';

/**
 * 信息公开: the published self-evaluation reports, readable by anyone without logging in (main.tsx serves
 * /public without Keycloak). Lists them by year and department with score, grade and the PDF; a year filter.
 */
export default function PublicReportsPage({ fetchImpl }: { fetchImpl?: typeof fetch }) {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const reports = useQuery({
    queryKey: publicationKeys.public(year),
    queryFn: ({ signal }) => fetchPublicReports(year, i18n.language, signal, fetchImpl),
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="public-reports">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('publication.publicTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('publication.publicIntro')}</Typography.Paragraph>
      </div>
      <Space>
        <span>{t('publication.year')}</span>
        <Select<number | 'all'>
          value={year ?? 'all'}
          onChange={(value) => setYear(value === 'all' ? null : value)}
          style={{ width: 140 }}
          data-testid="public-year"
          options={[
            { value: 'all', label: t('publication.allYears') },
            ...fiscalYearRange().reverse().map((y) => ({ value: y, label: String(y) })),
          ]}
        />
      </Space>
      {reports.isPending ? (
        <Skeleton active />
      ) : reports.error ? (
        <ErrorAlert error={reports.error} title={t('publication.loadFailed')} />
      ) : reports.data.length === 0 ? (
        <Empty description={t('publication.none')} />
      ) : (
        <Table<PublicEntry>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={reports.data}
          columns={[
            { title: t('publication.year'), dataIndex: 'fiscalYear', width: 90 },
            { title: t('publication.department'), dataIndex: 'departmentName' },
            { title: t('publication.score'), dataIndex: 'total', width: 90, render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
            { title: t('publication.grade'), dataIndex: 'grade', width: 80, render: (v: string | null) => v ?? '—' },
            { title: t('publication.publishedAt'), dataIndex: 'publishedAt', width: 180, render: (v: string) => formatDateTime(v) },
            {
              title: t('publication.pdf'),
              width: 110,
              render: (_, r) => (
                <a href={publicHref(r.pdfUrl)} target="_blank" rel="noopener noreferrer" data-testid={`public-pdf-${r.id}`}>
                  <FilePdfOutlined /> {t('publication.download')}
                </a>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

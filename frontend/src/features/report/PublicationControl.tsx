import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { errorText } from '../../api/errorText';
import { publicationApi, publicationKeys } from '../../api/publication';
import { formatDateTime } from './format';

/**
 * 信息公开 for a reviewer on an approved filing: its publication state, 公开 (a frozen public version
 * without personal data) and 撤回公开, each on the version read.
 */
export function PublicationControl({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { message, notification } = App.useApp();
  const key = publicationKeys.year(fiscalYear);
  const publications = useQuery({ queryKey: key, queryFn: ({ signal }) => publicationApi.list(client, fiscalYear, signal) });
  const current = publications.data?.find((p) => p.departmentId === departmentId) ?? null;
  const change = useMutation({
    mutationFn: (publish: boolean) =>
      publish
        ? publicationApi.publish(client, departmentId, fiscalYear, current ? current.version : null)
        : publicationApi.unpublish(client, departmentId, fiscalYear, current!.version),
    onSuccess: (_, publish) => {
      message.success(publish ? t('publication.publishedDone') : t('publication.unpublishedDone'));
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error, publish) => {
      const text = errorText(error, t);
      notification.error({ title: publish ? t('publication.publishFailed') : t('publication.unpublishFailed'), description: text.detail ?? text.title });
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  if (publications.isPending || publications.error) {
    return null;
  }
  const published = current?.status === 'PUBLISHED';
  return (
    <Space wrap data-testid="publication-control">
      <Typography.Text>{t('publication.column')}</Typography.Text>
      <Tag color={published ? 'green' : 'default'} data-testid="publication-status">
        {published ? t('publication.published') : current ? t('publication.unpublished') : t('publication.notPublished')}
      </Tag>
      {published && current ? (
        <Typography.Text type="secondary">{t('publication.publishedBy', { actor: current.publishedBy, at: formatDateTime(current.publishedAt) })}</Typography.Text>
      ) : null}
      {published ? (
        <Popconfirm title={t('publication.unpublishConfirm')} onConfirm={() => change.mutate(false)}>
          <Button danger loading={change.isPending} data-testid="unpublish-filing">
            {t('publication.unpublish')}
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm title={t('publication.publishConfirm')} onConfirm={() => change.mutate(true)}>
          <Button type="primary" icon={<GlobalOutlined />} loading={change.isPending} data-testid="publish-filing">
            {t('publication.publish')}
          </Button>
        </Popconfirm>
      )}
      {published ? (
        <Button type="link" href="/public" target="_blank" data-testid="open-public">
          {t('publication.openPublic')}
        </Button>
      ) : null}
    </Space>
  );
}

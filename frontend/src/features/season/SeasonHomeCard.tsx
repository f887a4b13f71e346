import { Alert, Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { seasonApi, seasonKeys } from '../../api/season';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../report/format';
import { currentRound, daysLeftText, deadlineAlertType, unreadCount } from './seasonState';
import { OwnReviewResult } from './OwnReviewResult';

/** A department's home: its round with the deadline and days left, and its notices (站内通知). */
export function SeasonHomeCard() {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const rounds = useQuery({ queryKey: seasonKeys.rounds, queryFn: ({ signal }) => seasonApi.rounds(client, signal) });
  const notices = useQuery({ queryKey: seasonKeys.notices, queryFn: ({ signal }) => seasonApi.notices(client, signal) });
  const read = useMutation({
    mutationFn: (id: number) => seasonApi.markRead(client, id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: seasonKeys.notices }),
  });
  const round = rounds.data ? currentRound(rounds.data) : undefined;
  const own = round?.departments[0];
  const days = own ? daysLeftText(own.daysLeft) : undefined;

  return (
    <Card title={t('season.home.title')} size="small" data-testid="season-home">
      {rounds.isPending ? (
        <Skeleton active />
      ) : rounds.error ? (
        <ErrorAlert error={rounds.error} title={t('season.loadFailed')} />
      ) : round && own && days ? (
        <Alert
          type={deadlineAlertType(own.daysLeft, own.progress)}
          showIcon
          data-testid="season-deadline"
          title={
            <Space wrap>
              <span>{t('season.roundLabel', { year: round.fiscalYear, district: round.district })}</span>
              <Tag>{t(`season.progress.${own.progress}`)}</Tag>
            </Space>
          }
          description={
            <span>
              {t('season.home.deadline', { date: own.effectiveDeadline })}
              {own.progress === 'SUBMITTED' || own.progress === 'APPROVED' ? null : ` · ${t(days.key, { n: days.n })}`}
              {own.extendedUntil ? ` · ${t('season.extendedUntil', { date: own.extendedUntil })}` : null}
            </span>
          }
        />
      ) : (
        <Typography.Text type="secondary">{t('season.home.noRound')}</Typography.Text>
      )}
      {round && own ? <OwnReviewResult roundId={round.id} departmentId={own.departmentId} /> : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('season.notices.title')}
        {notices.data && unreadCount(notices.data) > 0 ? (
          <Tag color="red" style={{ marginLeft: 8 }} data-testid="season-unread">
            {t('season.notices.unread', { n: unreadCount(notices.data) })}
          </Tag>
        ) : null}
      </Typography.Title>
      {notices.isPending ? (
        <Skeleton active />
      ) : notices.error ? (
        <ErrorAlert error={notices.error} title={t('season.notices.loadFailed')} />
      ) : notices.data.length === 0 ? (
        <Empty description={t('season.notices.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <ul data-testid="season-notices" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {notices.data.slice(0, 8).map((n) => (
            <li key={n.id} style={{ display: 'flex', gap: 8, justifyContent: 'space-between', padding: '6px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
              <div>
                <Typography.Text strong={n.readAt === null}>
                  {t(`season.notices.kind.${n.kind}`, { year: n.fiscalYear, deadline: n.deadline ?? '—' })}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {formatDateTime(n.createdAt)}
                  {n.comment ? ` · ${t('season.notices.comment', { comment: n.comment })}` : null}
                </Typography.Text>
              </div>
              {n.readAt === null ? (
                <Button size="small" type="link" onClick={() => read.mutate(n.id)}>
                  {t('season.notices.markRead')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

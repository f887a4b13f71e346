import { Alert, Badge, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/ApiContext';
import { errorText } from '../api/errorText';
import { PageHeader } from '../components/PageHeader';
import { EVENT_SERVICES, eventsApi, type DeadLetter, type EventService, type ParkedEvent } from '../features/events/events';

const keys = {
  deadLetters: (service: EventService) => ['events', service.key, 'dead-letters'] as const,
  parked: (service: EventService) => ['events', service.key, 'parked'] as const,
};

function when(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language);
}

/** One service's dead letters (outgoing, refused by the broker) and parked events (incoming, not applied). */
function ServiceEvents({ service }: { service: EventService }) {
  const { t, i18n } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const deadLetters = useQuery({ queryKey: keys.deadLetters(service), queryFn: () => eventsApi.deadLetters(client, service) });
  const parked = useQuery({ queryKey: keys.parked(service), queryFn: () => eventsApi.parked(client, service) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['events', service.key] });
  const retry = useMutation({ mutationFn: (id: number) => eventsApi.retry(client, service, id), onSettled: refresh });
  const replay = useMutation({ mutationFn: (id: number) => eventsApi.replay(client, service, id), onSettled: refresh });
  const failure = deadLetters.error ?? parked.error ?? retry.error ?? replay.error;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {failure ? <Alert type="error" showIcon title={errorText(failure, t).title} description={errorText(failure, t).detail} /> : null}
      {replay.data ? (
        <Alert type={replay.data.outcome === 'PARKED' ? 'warning' : 'success'} showIcon data-testid="replay-outcome"
          title={t(`events.outcome.${replay.data.outcome}`)} />
      ) : null}
      <Card size="small" title={t('events.deadLetters')} extra={<Typography.Text type="secondary">{t('events.deadLettersHint')}</Typography.Text>}>
        <Table<DeadLetter>
          size="small"
          rowKey="id"
          loading={deadLetters.isLoading}
          dataSource={deadLetters.data ?? []}
          pagination={false}
          data-testid={`dead-letters-${service.key}`}
          locale={{ emptyText: t('events.noDeadLetters') }}
          columns={[
            { title: t('events.type'), dataIndex: 'eventType' },
            { title: t('events.key'), dataIndex: 'key' },
            { title: t('events.reason'), dataIndex: 'reason', ellipsis: true },
            { title: t('events.waiting'), dataIndex: 'waiting', render: (n: number) => <Badge count={n} showZero color={n ? 'orange' : 'green'} /> },
            { title: t('events.at'), dataIndex: 'failedAt', render: (v: string) => when(v, i18n.language) },
            {
              title: '',
              key: 'action',
              render: (_: unknown, row) => (
                <Button size="small" loading={retry.isPending && retry.variables === row.id} onClick={() => retry.mutate(row.id)}
                  data-testid={`retry-${service.key}-${row.id}`}>
                  {t('events.retry')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('events.parked')} extra={<Typography.Text type="secondary">{t('events.parkedHint')}</Typography.Text>}>
        <Table<ParkedEvent>
          size="small"
          rowKey="id"
          loading={parked.isLoading}
          dataSource={parked.data ?? []}
          pagination={false}
          data-testid={`parked-${service.key}`}
          locale={{ emptyText: t('events.noParked') }}
          columns={[
            { title: t('events.topic'), dataIndex: 'topic' },
            { title: t('events.type'), dataIndex: 'eventType', render: (v: string | null, row) => (v ? `${v} v${row.schemaVersion ?? '?'}` : <Tag>{t('events.unreadable')}</Tag>) },
            { title: t('events.key'), dataIndex: 'key' },
            { title: t('events.reason'), dataIndex: 'reason', ellipsis: true },
            { title: t('events.replays'), dataIndex: 'replays' },
            { title: t('events.at'), dataIndex: 'parkedAt', render: (v: string) => when(v, i18n.language) },
            {
              title: '',
              key: 'action',
              render: (_: unknown, row) => (
                <Button size="small" loading={replay.isPending && replay.variables === row.id} onClick={() => replay.mutate(row.id)}
                  data-testid={`replay-${service.key}-${row.id}`}>
                  {t('events.replay')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** 事件运维: what each service could not publish or could not apply, and the admin's retry and replay. */
export default function EventsAdminPage() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('events.title')} intro={t('events.intro')} showDepartment={false} showYear={false} />
      <Tabs
        items={EVENT_SERVICES.map((service) => ({
          key: service.key,
          label: t(`events.service.${service.key}`),
          children: <ServiceEvents service={service} />,
        }))}
      />
    </Space>
  );
}

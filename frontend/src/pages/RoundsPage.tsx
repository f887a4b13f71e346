import { useState } from 'react';
import { Link } from 'react-router';
import {
  Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Popconfirm, Progress as Bar, Select, Skeleton,
  Space, Table, Tag, Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/ApiContext';
import { PROGRESS, seasonApi, seasonKeys, type Round, type RoundDepartment } from '../api/season';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { fiscalYearRange } from '../config';
import { formatDateTime } from '../features/report/format';
import { daysLeftText, extensionValid, PROGRESS_COLORS, submittedShare } from '../features/season/seasonState';
import { useSelection } from '../selection/SelectionContext';

/** 年度自评工作: the finance reviewer opens a round, follows each department's progress, extends and closes. */
export default function RoundsPage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const rounds = useQuery({ queryKey: seasonKeys.rounds, queryFn: ({ signal }) => seasonApi.rounds(client, signal) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: seasonKeys.rounds });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('season.title')} intro={t('season.intro')} showDepartment={false} showYear={false} />
      <OpenRoundCard onOpened={refresh} />
      {rounds.isPending ? (
        <Skeleton active />
      ) : rounds.error ? (
        <ErrorAlert error={rounds.error} title={t('season.loadFailed')} />
      ) : rounds.data.length === 0 ? (
        <Empty description={t('season.none')} />
      ) : (
        rounds.data.map((round) => <RoundCard key={round.id} round={round} onChanged={refresh} />)
      )}
    </Space>
  );
}

function OpenRoundCard({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { fiscalYear } = useSelection();
  const [year, setYear] = useState(fiscalYear);
  const [district, setDistrict] = useState<string | null>(null);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [templateVersion, setTemplateVersion] = useState<number | null>(1);
  const districts = useQuery({ queryKey: seasonKeys.districts, queryFn: ({ signal }) => seasonApi.districts(client, signal) });
  const open = useMutation({
    mutationFn: () =>
      seasonApi.open(client, {
        fiscalYear: year,
        district: district ?? '',
        deadline: deadline ? deadline.format('YYYY-MM-DD') : '',
        templateVersion: templateVersion ?? 0,
      }),
    onSuccess: onOpened,
  });
  // Only the 开启 button opens a round: no <form> element (component={false}), so Enter in the date picker
  // (which confirms the typed date) cannot submit it too, and a click while a request is on its way is ignored.
  const submit = () => {
    if (!open.isPending) {
      open.mutate();
    }
  };
  return (
    <Card size="small" title={t('season.openTitle')}>
      <Form layout="inline" component={false}>
        <Space wrap>
          <Form.Item label={t('season.fiscalYear')}>
            <Select<number>
              value={year}
              onChange={setYear}
              style={{ width: 120 }}
              data-testid="round-year"
              options={fiscalYearRange().map((y) => ({ value: y, label: String(y) }))}
            />
          </Form.Item>
          <Form.Item label={t('season.district')}>
            <Select<string>
              value={district ?? undefined}
              onChange={setDistrict}
              style={{ width: 200 }}
              loading={districts.isPending}
              placeholder={t('season.districtPlaceholder')}
              notFoundContent={t('season.noDistricts')}
              data-testid="round-district"
              options={(districts.data ?? []).map((d) => ({
                value: d.name,
                label: t('season.districtOption', { name: d.name, n: d.departments }),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('season.deadline')}>
            <DatePicker value={deadline} onChange={setDeadline} data-testid="round-deadline" />
          </Form.Item>
          <Form.Item label={t('season.templateVersion')}>
            <InputNumber min={1} value={templateVersion} onChange={setTemplateVersion} data-testid="round-template" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" onClick={submit} loading={open.isPending} disabled={!district} data-testid="round-open">
              {t('season.open')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('season.departmentsHint')}
      </Typography.Paragraph>
      {districts.error ? <ErrorAlert error={districts.error} title={t('season.districtsFailed')} /> : null}
      {open.error ? <ErrorAlert error={open.error} title={t('season.openFailed')} testId="round-open-error" /> : null}
    </Card>
  );
}

function RoundCard({ round, onChanged }: { round: Round; onChanged: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const [extending, setExtending] = useState<RoundDepartment | null>(null);
  const close = useMutation({ mutationFn: () => seasonApi.close(client, round.id, round.version), onSuccess: onChanged });
  return (
    <Card
      size="small"
      data-testid={`round-${round.id}`}
      title={
        <Space wrap>
          <span>{t('season.roundLabel', { year: round.fiscalYear, district: round.district })}</span>
          <Tag color={round.status === 'OPEN' ? 'processing' : 'default'}>{t(`season.status.${round.status}`)}</Tag>
          <Typography.Text type="secondary">
            {t('season.deadline')} {round.deadline}
          </Typography.Text>
          <Link to={`/rounds/${round.id}/sample`} data-testid={`round-sample-${round.id}`}>{t('season.sample.link')}</Link>
        </Space>
      }
      extra={
        round.status === 'OPEN' ? (
          <Popconfirm title={t('season.closeConfirm')} onConfirm={() => close.mutate()}>
            <Button danger loading={close.isPending} data-testid="round-close">
              {t('season.close')}
            </Button>
          </Popconfirm>
        ) : (
          <Typography.Text type="secondary">
            {t('season.closedAt')} {formatDateTime(round.closedAt)}
          </Typography.Text>
        )
      }
    >
      {close.error ? <ErrorAlert error={close.error} title={t('season.closeFailed')} /> : null}
      <Space wrap style={{ marginBottom: 12 }} data-testid="round-counts">
        {PROGRESS.map((p) => (
          <Tag key={p} color={PROGRESS_COLORS[p]}>
            {t(`season.progress.${p}`)} {round.counts?.[p] ?? 0}
          </Tag>
        ))}
        <Bar percent={submittedShare(round)} size="small" style={{ width: 200 }} />
        <Typography.Text type="secondary">{t('season.submittedShare', { share: submittedShare(round) })}</Typography.Text>
      </Space>
      <Table<RoundDepartment>
        size="small"
        rowKey="departmentId"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={round.departments}
        columns={[
          { title: t('season.code'), dataIndex: 'departmentCode', width: 110 },
          { title: t('season.department'), dataIndex: 'departmentName' },
          {
            title: t('season.effectiveDeadline'),
            render: (_, d) => {
              const days = daysLeftText(d.daysLeft);
              const filed = d.progress === 'SUBMITTED' || d.progress === 'APPROVED';
              return (
                <span>
                  {d.effectiveDeadline}
                  {filed || round.status !== 'OPEN' ? null : ` · ${t(days.key, { n: days.n })}`}
                  {d.extendedUntil ? <Tag style={{ marginLeft: 8 }}>{t('season.extendedUntil', { date: d.extendedUntil })}</Tag> : null}
                </span>
              );
            },
          },
          {
            title: t('season.listTitle'),
            dataIndex: 'progress',
            render: (_, d) => (
              <Tag color={PROGRESS_COLORS[d.progress]} data-testid={`progress-${d.departmentCode}`}>
                {t(`season.progress.${d.progress}`)}
              </Tag>
            ),
          },
          {
            title: '',
            width: 90,
            render: (_, d) =>
              round.status === 'OPEN' ? (
                <Button size="small" onClick={() => setExtending(d)} data-testid={`extend-${d.departmentCode}`}>
                  {t('season.extend')}
                </Button>
              ) : null,
          },
        ]}
      />
      {extending ? (
        <ExtensionDialog round={round} department={extending} onDone={() => { setExtending(null); onChanged(); }} onCancel={() => setExtending(null)} />
      ) : null}
    </Card>
  );
}

function ExtensionDialog({ round, department, onDone, onCancel }: {
  round: Round;
  department: RoundDepartment;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const [until, setUntil] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState('');
  const untilText = until ? until.format('YYYY-MM-DD') : null;
  const extend = useMutation({
    mutationFn: () =>
      seasonApi.extend(client, round.id, { departmentId: department.departmentId, until: untilText ?? '', reason, version: round.version }),
    onSuccess: onDone,
  });
  return (
    <Modal
      open
      title={t('season.extendTitle', { name: department.departmentName })}
      onCancel={onCancel}
      onOk={() => extend.mutate()}
      okButtonProps={{ disabled: !extensionValid(round.deadline, untilText, reason), loading: extend.isPending }}
    >
      <Form layout="vertical">
        <Form.Item label={t('season.until')}>
          <DatePicker value={until} onChange={setUntil} data-testid="extend-until" />
        </Form.Item>
        <Form.Item label={t('season.reason')}>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} placeholder={t('season.reasonPlaceholder')} data-testid="extend-reason" />
        </Form.Item>
      </Form>
      {extend.error ? <ErrorAlert error={extend.error} title={t('season.extendFailed')} /> : null}
    </Modal>
  );
}

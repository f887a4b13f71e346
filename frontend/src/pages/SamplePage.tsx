import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Select, Skeleton, Space, Statistic, Table, Tag,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/ApiContext';
import { ApiError } from '../api/problem';
import { sampleApi, sampleKeys, type Review, type SampleMember } from '../api/sample';
import { seasonApi, seasonKeys, type Round } from '../api/season';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../features/report/format';
import {
  beyondTier, deviation, draftOf, drawValid, draftsOf, outcome, preview, reviewInput, scoreValid, wan, type ReviewDraft,
} from '../features/season/sampleState';
import { useDownload } from '../components/useDownload';

/** 抽查复核 of one round (the bureau's): the draw, the sample by stratum, each re-review, the report. */
export default function SamplePage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const roundId = Number(useParams().roundId);
  const round = useQuery({ queryKey: seasonKeys.round(roundId), queryFn: ({ signal }) => seasonApi.round(client, roundId, signal) });
  const sample = useQuery({
    queryKey: sampleKeys.sample(roundId),
    queryFn: ({ signal }) => sampleApi.sample(client, roundId, signal),
    // 404 sample.not-drawn is the page's first state, not an error to retry
    retry: false,
  });
  const notDrawn = sample.error instanceof ApiError && sample.error.isNotFound;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader
        title={t('season.sample.title')}
        intro={t('season.sample.intro')}
        showDepartment={false}
        showYear={false}
        extra={
          <Space>
            <OutcomeDownload roundId={roundId} />
            <Link to="/rounds">{t('season.sample.back')}</Link>
          </Space>
        }
      />
      {round.data ? (
        <Typography.Text strong data-testid="sample-round">
          {t('season.roundLabel', { year: round.data.fiscalYear, district: round.data.district })}
        </Typography.Text>
      ) : null}
      {sample.isPending || round.isPending ? (
        <Skeleton active />
      ) : round.error ? (
        <ErrorAlert error={round.error} title={t('season.loadFailed')} />
      ) : notDrawn ? (
        <DrawCard round={round.data} />
      ) : sample.error ? (
        <ErrorAlert error={sample.error} title={t('season.sample.loadFailed')} />
      ) : (
        <SampleCard roundId={roundId} />
      )}
    </Space>
  );
}

/** 结果应用: the list for next year's budget, whether or not the sample is drawn. */
function OutcomeDownload({ roundId }: { roundId: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { busy, download } = useDownload<'outcome'>();
  return (
    <Button icon={<DownloadOutlined />} loading={busy === 'outcome'} onClick={() => void download('outcome', () => sampleApi.outcome(client, roundId))} data-testid="outcome-download">
      {t('season.sample.outcomeExport')}
    </Button>
  );
}

function DrawCard({ round }: { round: Round }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [percentage, setPercentage] = useState<number | null>(20);
  const [minimum, setMinimum] = useState<number | null>(3);
  const [seed, setSeed] = useState('');
  const [keys, setKeys] = useState<string[]>([]);
  const draw = useMutation({
    mutationFn: () =>
      sampleApi.draw(client, round.id, {
        percentage: percentage ?? 0,
        minimum: minimum ?? 0,
        ...(seed.trim() === '' ? {} : { seed: Number(seed.trim()) }),
        keyDepartmentIds: keys,
      }),
    onSuccess: (data) => queryClient.setQueryData(sampleKeys.sample(round.id), data),
  });
  return (
    <Card size="small" title={t('season.sample.drawTitle')}>
      <Form layout="inline" onFinish={() => draw.mutate()}>
        <Form.Item label={t('season.sample.percentage')}>
          <InputNumber min={0.01} max={100} step={5} value={percentage} onChange={setPercentage} suffix="%" data-testid="sample-percentage" />
        </Form.Item>
        <Form.Item label={t('season.sample.minimum')}>
          <InputNumber min={1} precision={0} value={minimum} onChange={setMinimum} data-testid="sample-minimum" />
        </Form.Item>
        <Form.Item label={t('season.sample.seed')}>
          <Input value={seed} onChange={(e) => setSeed(e.target.value)} placeholder={t('season.sample.seedPlaceholder')} style={{ width: 200 }} data-testid="sample-seed" />
        </Form.Item>
        <Form.Item label={t('season.sample.keyDepartments')} style={{ minWidth: 320 }}>
          <Select
            mode="multiple"
            value={keys}
            onChange={setKeys}
            optionFilterProp="label"
            data-testid="sample-keys"
            options={round.departments
              .filter((d) => d.progress === 'SUBMITTED' || d.progress === 'APPROVED')
              .map((d) => ({ value: d.departmentId, label: `${d.departmentCode} ${d.departmentName}` }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" disabled={!drawValid(percentage, minimum, seed)} loading={draw.isPending} data-testid="sample-draw">
            {t('season.sample.draw')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('season.sample.drawHint')}
      </Typography.Paragraph>
      {draw.error ? <ErrorAlert error={draw.error} title={t('season.sample.drawFailed')} testId="sample-draw-error" /> : null}
    </Card>
  );
}

function SampleCard({ roundId }: { roundId: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const [reviewing, setReviewing] = useState<SampleMember | null>(null);
  const { busy, download } = useDownload<'xlsx' | 'docx'>();
  const sample = useQuery({ queryKey: sampleKeys.sample(roundId), queryFn: ({ signal }) => sampleApi.sample(client, roundId, signal) });
  if (!sample.data) return null;
  const s = sample.data;
  return (
    <Card
      size="small"
      title={t('season.sample.sampleTitle')}
      extra={
        <Space>
          {(['xlsx', 'docx'] as const).map((f) => (
            <Button key={f} icon={<DownloadOutlined />} loading={busy === f} onClick={() => void download(f, () => sampleApi.report(client, roundId, f))} data-testid={`sample-download-${f}`}>
              {t(`season.sample.download.${f}`)}
            </Button>
          ))}
        </Space>
      }
    >
      <Descriptions size="small" column={4} data-testid="sample-parameters">
        <Descriptions.Item label={t('season.sample.percentage')}>{s.percentage}%</Descriptions.Item>
        <Descriptions.Item label={t('season.sample.minimum')}>{s.minimum}</Descriptions.Item>
        <Descriptions.Item label={t('season.sample.seed')}>
          <Typography.Text copyable data-testid="sample-seed-value">{String(s.seed)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('season.sample.population')}>{s.population}</Descriptions.Item>
        <Descriptions.Item label={t('season.sample.drawnBy')}>{s.drawnBy}</Descriptions.Item>
        <Descriptions.Item label={t('season.sample.drawnAt')}>{formatDateTime(s.drawnAt)}</Descriptions.Item>
        <Descriptions.Item label={t('season.sample.threshold')}>{s.threshold}</Descriptions.Item>
      </Descriptions>
      <Space size="large" style={{ margin: '12px 0' }} data-testid="sample-summary">
        <Statistic title={t('season.sample.summary.sampled')} value={s.summary.sampled} />
        <Statistic title={t('season.sample.summary.reviewed')} value={s.summary.reviewed} />
        <Statistic title={t('season.sample.summary.flagged')} value={s.summary.flagged} />
        <Statistic title={t('season.sample.summary.selfAverage')} value={s.summary.selfAverage ?? '—'} />
        <Statistic title={t('season.sample.summary.reviewAverage')} value={s.summary.reviewAverage ?? '—'} />
      </Space>
      <Table<SampleMember>
        size="small"
        rowKey="departmentId"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={s.members}
        columns={[
          { title: t('season.code'), dataIndex: 'departmentCode', width: 100 },
          {
            title: t('season.department'),
            render: (_, m) => (
              <span>
                {m.departmentName}
                {m.byHand ? <Tag style={{ marginLeft: 8 }}>{t('season.sample.byHand')}</Tag> : null}
              </span>
            ),
          },
          {
            title: t('season.sample.stratum'),
            render: (_, m) => `${m.grade} · ${t(`season.sample.size.${m.sizeBand}`)}`,
          },
          { title: t('season.sample.budgetWan'), align: 'right', render: (_, m) => wan(m.budget) },
          { title: t('season.sample.selfTotal'), align: 'right', render: (_, m) => m.selfTotal ?? '—' },
          { title: t('season.sample.reviewTotal'), align: 'right', render: (_, m) => m.reviewTotal ?? '—' },
          { title: t('season.sample.deviation'), align: 'right', render: (_, m) => m.deviation ?? '—' },
          {
            title: t('season.sample.outcomeTitle'),
            render: (_, m) => {
              const o = outcome(m);
              return <Tag color={o.color} data-testid={`sample-outcome-${m.departmentCode}`}>{t(o.key)}</Tag>;
            },
          },
          {
            title: '',
            width: 90,
            render: (_, m) => (
              <Button size="small" onClick={() => setReviewing(m)} data-testid={`sample-review-${m.departmentCode}`}>
                {t('season.sample.review')}
              </Button>
            ),
          },
        ]}
      />
      {reviewing ? <ReviewDrawer roundId={roundId} member={reviewing} onClose={() => setReviewing(null)} /> : null}
    </Card>
  );
}

function ReviewDrawer({ roundId, member, onClose }: { roundId: number; member: SampleMember; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const review = useQuery({
    queryKey: sampleKeys.review(roundId, member.departmentId),
    queryFn: ({ signal }) => sampleApi.review(client, roundId, member.departmentId, signal),
  });
  return (
    <Drawer open width={1000} title={t('season.sample.reviewTitle', { name: member.departmentName })} onClose={onClose}>
      {review.isPending ? (
        <Skeleton active />
      ) : review.error ? (
        <ErrorAlert error={review.error} title={t('season.sample.loadFailed')} />
      ) : (
        <ReviewForm key={review.data.version ?? 0} roundId={roundId} review={review.data} />
      )}
    </Drawer>
  );
}

function ReviewForm({ roundId, review }: { roundId: number; review: Review }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, ReviewDraft>>(() => draftsOf(review));
  const [findings, setFindings] = useState(review.findings ?? '');
  const live = preview(review, drafts);
  const save = useMutation({
    mutationFn: () => sampleApi.saveReview(client, roundId, review.departmentId, reviewInput(review, drafts, findings)),
    onSuccess: (saved) => {
      queryClient.setQueryData(sampleKeys.review(roundId, review.departmentId), saved);
      void queryClient.invalidateQueries({ queryKey: sampleKeys.sample(roundId) });
    },
  });
  const set = (code: string, patch: Partial<ReviewDraft>) => setDrafts((d) => ({ ...d, [code]: { ...draftOf(d, code), ...patch } }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={review.items}
        columns={[
          { title: t('season.sample.indicator'), render: (_, i) => `${i.level1} / ${i.level2} / ${i.name}` },
          { title: t('season.sample.points'), dataIndex: 'points', align: 'right', width: 60 },
          { title: t('season.sample.selfScore'), dataIndex: 'selfScore', align: 'right', width: 80 },
          {
            title: t('season.sample.score'),
            width: 110,
            render: (_, i) => (
              <InputNumber
                min={0}
                max={Number(i.points)}
                step={0.5}
                precision={2}
                value={draftOf(drafts, i.code).score}
                status={draftOf(drafts, i.code).score !== null && !scoreValid(draftOf(drafts, i.code).score, i.points) ? 'error' : undefined}
                onChange={(v) => set(i.code, { score: v })}
                data-testid={`review-score-${i.code}`}
              />
            ),
          },
          {
            title: t('season.sample.deviation'),
            width: 110,
            align: 'right',
            render: (_, i) => {
              const dev = deviation(i.selfScore, draftOf(drafts, i.code).score);
              return beyondTier(dev, i.tier) ? <Tag color="error">{dev}</Tag> : (dev ?? '—');
            },
          },
          {
            title: t('season.sample.comment'),
            render: (_, i) => (
              <Input value={draftOf(drafts, i.code).comment} maxLength={2000} onChange={(e) => set(i.code, { comment: e.target.value })} data-testid={`review-comment-${i.code}`} />
            ),
          },
        ]}
      />
      <Form layout="vertical">
        <Form.Item label={t('season.sample.findings')}>
          <Input.TextArea rows={3} maxLength={10000} value={findings} onChange={(e) => setFindings(e.target.value)} data-testid="review-findings" />
        </Form.Item>
      </Form>
      <Space wrap data-testid="review-preview">
        <span>{t('season.sample.selfTotal')} {review.selfTotal ?? '—'}</span>
        <span>{t('season.sample.reviewTotal')} {live.reviewTotal ?? '—'}</span>
        <span>{t('season.sample.deviation')} {live.totalDeviation ?? '—'}</span>
        {live.complete ? (
          <Tag color={live.flagged ? 'error' : 'success'} data-testid="review-flag">
            {t(live.flagged ? 'season.sample.outcome.flagged' : 'season.sample.outcome.ok')}
          </Tag>
        ) : null}
      </Space>
      <Typography.Text type="secondary">{t('season.sample.flagRule', { threshold: review.threshold })}</Typography.Text>
      <Button type="primary" disabled={!live.complete} loading={save.isPending} onClick={() => save.mutate()} data-testid="review-save">
        {t('season.sample.save')}
      </Button>
      {save.error ? <ErrorAlert error={save.error} title={t('season.sample.saveFailed')} testId="review-save-error" /> : null}
      {review.version !== null ? (
        <Typography.Text type="secondary" data-testid="review-saved">
          {t('season.sample.savedBy', { who: review.reviewedBy, when: formatDateTime(review.reviewedAt ?? '') })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

import { Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { sampleApi, sampleKeys } from '../../api/sample';

/** The department's own re-review result of its rounds (shown on its home page once re-reviewed). */
export function OwnReviewResult({ roundId, departmentId }: { roundId: number; departmentId: string }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const review = useQuery({
    queryKey: sampleKeys.review(roundId, departmentId),
    queryFn: ({ signal }) => sampleApi.review(client, roundId, departmentId, signal),
    retry: false,
  });
  // 404 until the bureau has re-reviewed the department (or when it was not sampled): nothing to show
  if (!review.data) return null;
  const r = review.data;
  return (
    <div data-testid="own-review" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('season.sample.own.title')}</Typography.Title>
      <Space wrap>
        <span>{t('season.sample.selfTotal')} {r.selfTotal}</span>
        <span>{t('season.sample.reviewTotal')} {r.reviewTotal}</span>
        <span>{t('season.sample.deviation')} {r.deviation}</span>
        <Tag color={r.flagged ? 'error' : 'success'} data-testid="own-review-flag">
          {t(r.flagged ? 'season.sample.outcome.flagged' : 'season.sample.outcome.ok')}
        </Tag>
      </Space>
      {r.findings ? <Typography.Paragraph style={{ marginTop: 8 }}>{r.findings}</Typography.Paragraph> : null}
      <ul style={{ paddingLeft: 18, margin: 0 }}>
        {r.items.filter((i) => i.flagged || i.comment).map((i) => (
          <li key={i.code}>
            {t('season.sample.own.item', { name: i.name, self: i.selfScore, score: i.score, deviation: i.deviation })}
            {i.flagged ? <Tag color="error" style={{ marginLeft: 6 }}>{t('season.sample.beyondTier')}</Tag> : null}
            {i.comment ? ` ${i.comment}` : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

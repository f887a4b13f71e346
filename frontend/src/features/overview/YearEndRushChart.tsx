import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Empty, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { rushBars, yearEndRushApi, yearEndRushKey, type YearEndRushDistrict } from './yearEndRush';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const ABOVE = '#b22c2c';
const WITHIN = '#1677ff';

/** 年底突击花钱 on the district overview: December's share per department, read from evaluation-service. */
export default function YearEndRushCard({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const query = useQuery({
    queryKey: yearEndRushKey(fiscalYear),
    queryFn: ({ signal }) => yearEndRushApi.district(client, fiscalYear, undefined, signal),
  });
  return (
    <Card size="small" title={t('yearEndRush.title')} data-testid="year-end-rush-card">
      {query.isPending ? <Skeleton active /> : query.isError ? <ErrorAlert error={query.error} /> : <YearEndRushChart data={query.data} />}
    </Card>
  );
}

/** Horizontal bars, highest share first, red above the threshold, a dashed line at the threshold. */
export function YearEndRushChart({ data }: { data: YearEndRushDistrict | undefined }) {
  const { t } = useTranslation();
  const { bars, missing } = rushBars(data);
  if (!data || bars.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('yearEndRush.empty')} />;
  }
  const threshold = Number(data.decemberThreshold);
  // highest on top: ECharts draws the first category at the bottom
  const ordered = [...bars].reverse();
  const option = {
    animation: false,
    grid: { left: 8, right: 72, top: 28, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v.toFixed(2)}%` },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, max: (v: { max: number }) => Math.max(v.max, threshold) + 5 },
    yAxis: { type: 'category', data: ordered.map((bar) => bar.name), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: t('yearEndRush.share'),
        barMaxWidth: 22,
        data: ordered.map((bar) => ({ value: bar.share, itemStyle: { color: bar.above ? ABOVE : WITHIN } })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => `${p.value.toFixed(2)}%` },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#8c8c8c', type: 'dashed' },
          label: { formatter: t('yearEndRush.threshold', { value: threshold }), position: 'end' },
          data: [{ xAxis: threshold }],
        },
      },
    ],
  };
  return (
    <div
      data-testid="year-end-rush-chart"
      role="img"
      aria-label={t('yearEndRush.title')}
      // the bars as text (the canvas has none), for tests and assistive tools: name:share|…
      data-shares={bars.map((bar) => `${bar.name}:${bar.share.toFixed(2)}`).join('|')}
    >
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(200, bars.length * 34 + 72), width: '100%' }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('yearEndRush.legend', { december: threshold, q4: Number(data.q4Threshold) })}
        {missing > 0 ? ` · ${t('yearEndRush.missing', { count: missing })}` : ''}
      </Typography.Text>
    </div>
  );
}

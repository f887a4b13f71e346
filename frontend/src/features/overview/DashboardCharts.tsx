import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRADE_COLORS, GRADES, gradeCounts, gradeSlices, rateGroups, scoreBars, type DashboardRow } from './dashboard';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** The bureau's charts of the rows shown: grade distribution, score ranking and execution rates. */
export default function DashboardCharts({ rows }: { rows: readonly DashboardRow[] }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('dashboard.gradeChart')}>
          <GradeChart rows={rows} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('dashboard.scoreChart')}>
          <ScoreChart rows={rows} />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('dashboard.rateChart')}>
          <ExecutionRateChart rows={rows} />
        </Card>
      </Col>
    </Row>
  );
}

function GradeChart({ rows }: { rows: readonly DashboardRow[] }) {
  const { t } = useTranslation();
  const counts = gradeCounts(rows);
  const slices = [...GRADES, 'none' as const]
    .map((grade) => ({
      name: grade === 'none' ? t('dashboard.ungraded') : grade,
      value: counts[grade],
      itemStyle: { color: GRADE_COLORS[grade] },
    }))
    .filter((slice) => slice.value > 0);
  if (slices.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const option = {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: '{b} {c}' },
        data: slices,
      },
    ],
  };
  return (
    <div data-testid="grade-chart" data-grades={gradeSlices(counts)} role="img" aria-label={t('dashboard.gradeChart')}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 280, width: '100%' }} />
    </div>
  );
}

function ScoreChart({ rows }: { rows: readonly DashboardRow[] }) {
  const { t } = useTranslation();
  const bars = scoreBars(rows);
  if (bars.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noScores')} />;
  const ordered = [...bars].reverse();
  const option = {
    animation: false,
    grid: { left: 8, right: 56, top: 16, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => v.toFixed(2) },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', data: ordered.map((bar) => bar.name), axisLabel: { width: 200, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: t('dashboard.score'),
        barMaxWidth: 20,
        data: ordered.map((bar) => ({ value: bar.score, itemStyle: { color: GRADE_COLORS[bar.grade ?? 'none'] } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => {
            const bar = ordered[p.dataIndex];
            return bar ? `${bar.label}${bar.grade ? ` ${bar.grade}` : ''}` : '';
          },
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#8c8c8c', type: 'dashed' },
          label: { formatter: '{c}', position: 'end' },
          data: [{ xAxis: 60 }, { xAxis: 80 }, { xAxis: 90 }],
        },
      },
    ],
  };
  return (
    <div data-testid="score-chart" role="img" aria-label={t('dashboard.scoreChart')}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(240, bars.length * 34 + 60), width: '100%' }} />
    </div>
  );
}

function ExecutionRateChart({ rows }: { rows: readonly DashboardRow[] }) {
  const { t } = useTranslation();
  const groups = rateGroups(rows);
  if (groups.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.chartEmpty')} />;
  const series = (name: string, key: 'overall' | 'basic' | 'project', color: string) => ({
    type: 'bar',
    name,
    barMaxWidth: 16,
    itemStyle: { color },
    data: groups.map((group) => group[key]),
  });
  const option = {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number | null) => (v === null || v === undefined ? t('common.missing') : `${v.toFixed(2)}%`),
    },
    xAxis: { type: 'category', data: groups.map((group) => group.name), axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' } },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        ...series(t('dashboard.rateOverall'), 'overall', '#b22c2c'),
        markLine: { symbol: 'none', silent: true, lineStyle: { color: '#8c8c8c', type: 'dashed' }, label: { formatter: '100%' }, data: [{ yAxis: 100 }] },
      },
      series(t('dashboard.rateBasic'), 'basic', '#1677ff'),
      series(t('dashboard.rateProject'), 'project', '#d48806'),
    ],
  };
  return (
    <div data-testid="execution-chart" role="img" aria-label={t('dashboard.rateChart')}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320, width: '100%' }} />
    </div>
  );
}

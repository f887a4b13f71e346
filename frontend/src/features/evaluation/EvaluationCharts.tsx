import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CategoryBar, TrendPoint } from './charts';
import type { Level1Summary } from './scoreCard';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const BUDGET_COLOR = '#8c8c8c';
const ACTUAL_COLOR = '#b22c2c';

interface EvaluationChartsProps {
  categories: CategoryBar[];
  level1: Level1Summary[];
  trend: TrendPoint[];
  fiscalYear: number;
}

/** The three charts of 绩效评价 (loaded as their own chunk: ECharts is large). */
export default function EvaluationCharts({ categories, level1, trend, fiscalYear }: EvaluationChartsProps) {
  const { t } = useTranslation();
  const wan = t('common.wan');
  const empty = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;

  const budgetOption = {
    animation: false,
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v.toFixed(2)} ${wan}` },
    xAxis: { type: 'category', data: categories.map((bar) => t(`evaluation.charts.categories.${bar.key}`)) },
    yAxis: { type: 'value', name: wan },
    series: [
      { name: t('evaluation.charts.budget'), type: 'bar', barMaxWidth: 28, itemStyle: { color: BUDGET_COLOR }, data: categories.map((bar) => bar.budget) },
      { name: t('evaluation.charts.actual'), type: 'bar', barMaxWidth: 28, itemStyle: { color: ACTUAL_COLOR }, data: categories.map((bar) => bar.actual) },
    ],
  };

  const levelOption = {
    animation: false,
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => v.toFixed(2) },
    xAxis: { type: 'category', data: level1.map((row) => row.level1) },
    yAxis: { type: 'value', name: t('evaluation.charts.pointsUnit') },
    series: [
      { name: t('evaluation.charts.points'), type: 'bar', barMaxWidth: 28, itemStyle: { color: BUDGET_COLOR }, data: level1.map((row) => Number(row.points)) },
      { name: t('evaluation.charts.score'), type: 'bar', barMaxWidth: 28, itemStyle: { color: ACTUAL_COLOR }, data: level1.map((row) => Number(row.score)) },
    ],
  };

  const trendOption = {
    animation: false,
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => v.toFixed(2) },
    xAxis: { type: 'category', data: trend.map((point) => String(point.year)) },
    yAxis: { type: 'value', min: 0, max: 100, name: t('evaluation.charts.pointsUnit') },
    series: [
      {
        name: t('evaluation.total'),
        type: 'line',
        symbolSize: 10,
        itemStyle: { color: ACTUAL_COLOR },
        label: { show: true, formatter: (p: { dataIndex: number }) => `${trend[p.dataIndex]?.total.toFixed(2)} ${trend[p.dataIndex]?.grade ?? ''}` },
        data: trend.map((point) => point.total),
      },
    ],
  };

  const chart = (testId: string, label: string, option: object, body: boolean, emptyText: string) => (
    <div data-testid={testId} role="img" aria-label={label}>
      {body ? <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 260, width: '100%' }} /> : empty(emptyText)}
    </div>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('evaluation.charts.budgetTitle')}>
          {chart('chart-budget', t('evaluation.charts.budgetTitle'), budgetOption, categories.length > 0, t('evaluation.charts.noFigures'))}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('evaluation.charts.levelTitle')}>
          {chart('chart-level1', t('evaluation.charts.levelTitle'), levelOption, level1.length > 0, t('evaluation.charts.noScore'))}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('evaluation.charts.trendTitle')}>
          {chart('chart-trend', t('evaluation.charts.trendTitle'), trendOption, trend.length > 0, t('evaluation.charts.noScore'))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="trend-note">
            {trend.length <= 1 ? t('evaluation.charts.trendSingle', { year: fiscalYear }) : t('evaluation.charts.trendNote', { count: trend.length })}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

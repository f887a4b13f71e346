import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverviewRow } from '../../api/types';
import { PEFA_COLORS, chartBars } from './overview';

// Only what the bar chart needs: keeps the chunk small.
echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** Budget execution rate by department: horizontal bars, highest first, a line at 100%. */
export default function RateChart({ rows }: { rows: readonly OverviewRow[] }) {
  const { t } = useTranslation();
  const bars = chartBars(rows);
  if (bars.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.chartEmpty')} />;
  }
  // Highest on top: ECharts draws the first category at the bottom.
  const ordered = [...bars].reverse();
  const option = {
    animation: false,
    grid: { left: 8, right: 72, top: 28, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number) => `${value.toFixed(2)}%`,
    },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: ordered.map((bar) => bar.name), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: t('overview.executionRate'),
        barMaxWidth: 22,
        data: ordered.map((bar) => ({
          value: bar.rate,
          itemStyle: { color: PEFA_COLORS[bar.grade] },
        })),
        label: { show: true, position: 'right', formatter: (params: { dataIndex: number }) => ordered[params.dataIndex]?.label ?? '' },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#8c8c8c', type: 'dashed' },
          label: { formatter: t('overview.chartTarget'), position: 'end' },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  };
  return (
    <div data-testid="rate-chart" role="img" aria-label={t('overview.chartTitle')}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: Math.max(220, bars.length * 40 + 72), width: '100%' }}
      />
    </div>
  );
}

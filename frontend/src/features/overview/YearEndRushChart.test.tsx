import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../test/renderWithProviders';
import YearEndRushCard, { YearEndRushChart } from './YearEndRushChart';
import { rushBars, type YearEndRushDistrict } from './yearEndRush';

// ECharts draws on a canvas the test DOM lacks: the mock shows the option the chart was given.
vi.mock('echarts-for-react/esm/core', () => ({
  default: ({ option }: { option: { yAxis: { data: string[] }; series: Array<Record<string, unknown>> } }) => (
    <div data-testid="echarts-option">{JSON.stringify({ names: option.yAxis.data, series: option.series[0] })}</div>
  ),
}));

const district: YearEndRushDistrict = {
  fiscalYear: 2020,
  jurisdiction: null as unknown as string,
  decemberThreshold: 15,
  q4Threshold: 40,
  departments: [
    { departmentId: 'd2', name: '望城区教育局', jurisdiction: '望城区', decemberShare: 18.93, q4Share: 34.29, aboveThreshold: true },
    { departmentId: 'd5', name: '望城区卫健局', jurisdiction: '望城区', decemberShare: 9.1, q4Share: 27.5, aboveThreshold: false },
    { departmentId: 'd1', name: '望城区委政法委', jurisdiction: '望城区', decemberShare: null as unknown as number, q4Share: null as unknown as number, aboveThreshold: false },
  ],
};

function option() {
  return JSON.parse(screen.getByTestId('echarts-option').textContent ?? '{}') as {
    names: string[];
    series: { data: Array<{ value: number; itemStyle: { color: string } }>; markLine: { data: Array<{ xAxis: number }>; label: { formatter: string } } };
  };
}

describe('年底突击花钱 chart', () => {
  it('draws each December share, the one above the threshold in red, and the threshold line', () => {
    renderWithProviders(<YearEndRushChart data={district} />);
    const o = option();
    // highest on top: ECharts lists categories bottom-up
    expect(o.names).toEqual(['望城区卫健局', '望城区教育局']);
    expect(o.series.data.map((d) => d.value)).toEqual([9.1, 18.93]);
    expect(o.series.data.map((d) => d.itemStyle.color)).toEqual(['#1677ff', '#b22c2c']);
    expect(o.series.markLine.data).toEqual([{ xAxis: 15 }]);
    expect(o.series.markLine.label.formatter).toBe('阈值 15%');
    expect(screen.getByText(/1 个单位数据缺失/)).toBeInTheDocument();
    // the bars as text, highest first, for the browser walk and assistive tools
    expect(screen.getByTestId('year-end-rush-chart')).toHaveAttribute('data-shares', '望城区教育局:18.93|望城区卫健局:9.10');
  });

  it('says so when no department has monthly data', () => {
    renderWithProviders(<YearEndRushChart data={{ ...district, departments: [district.departments[2]!] }} />);
    expect(screen.queryByTestId('echarts-option')).not.toBeInTheDocument();
    expect(screen.getByText('本年度尚无按月支出数据')).toBeInTheDocument();
    expect(rushBars(undefined)).toEqual({ bars: [], missing: 0 });
  });

  it('reads the district from evaluation-service for the selected year', async () => {
    const urls: string[] = [];
    const fetchImpl = async (input: RequestInfo | URL) => {
      urls.push(String(input));
      return new Response(JSON.stringify(district), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    renderWithProviders(<YearEndRushCard fiscalYear={2020} />, { fetchImpl });
    expect(await screen.findByTestId('echarts-option')).toBeInTheDocument();
    expect(urls).toEqual(['/api/v1/evaluations/year-end-rush?fiscalYear=2020']);
  });
});

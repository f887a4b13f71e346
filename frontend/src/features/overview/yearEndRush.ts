import type { ApiClient } from '../../api/client';
import type { components } from '../../api/generated/jixiao-api';

/** 年底突击花钱: evaluation-service's shares per department (GET /evaluations/year-end-rush), in %. */
export type YearEndRushDistrict = components['schemas']['YearEndRushDistrict'];
export type YearEndRushShare = components['schemas']['YearEndRushShare'];

export const yearEndRushApi = {
  district: (client: ApiClient, fiscalYear: number, jurisdiction?: string, signal?: AbortSignal) =>
    client.get<YearEndRushDistrict>(
      `/evaluations/year-end-rush?fiscalYear=${fiscalYear}${jurisdiction ? `&jurisdiction=${encodeURIComponent(jurisdiction)}` : ''}`,
      { signal },
    ),
};

export const yearEndRushKey = (fiscalYear: number, jurisdiction?: string) =>
  ['year-end-rush', fiscalYear, jurisdiction ?? null] as const;

export interface RushBar {
  name: string;
  share: number;
  above: boolean;
}

/** The departments with a December share, highest first (the service's order); 数据缺失 ones are counted apart. */
export function rushBars(data: YearEndRushDistrict | undefined): { bars: RushBar[]; missing: number } {
  const departments = data?.departments ?? [];
  const bars = departments
    .filter((d) => d.decemberShare !== null && d.decemberShare !== undefined)
    .map((d) => ({
      name: d.name,
      share: Number(d.decemberShare),
      above: Number(d.decemberShare) > Number(data?.decemberThreshold),
    }));
  return { bars, missing: departments.length - bars.length };
}

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { API_ROUTES, buildDocsProxy, buildProxy, routeFor, serviceUrls } from '../proxy.config';

describe('proxy routing table', () => {
  it('routes each first segment to its service', () => {
    expect(routeFor('/api/v1/departments')).toBe('budget');
    expect(routeFor('/api/v1/budgets/d1/2020/basic-expenditure')).toBe('budget');
    expect(routeFor('/api/v1/evaluations/d1/2020')).toBe('evaluation');
    expect(routeFor('/api/v1/templates?year=2020')).toBe('evaluation');
    expect(routeFor('/api/v1/goals/x')).toBe('evaluation');
    expect(routeFor('/api/v1/reports/d1/2020/sections/basic-expenditure')).toBe('report');
    expect(routeFor('/api/v1/filings')).toBe('report');
    expect(routeFor('/api/v1/checks/1')).toBe('report');
    expect(routeFor('/api/v1/budgetsx')).toBeUndefined();
    expect(routeFor('/api/v1/constructor')).toBeUndefined();
    expect(routeFor('/index.html')).toBeUndefined();
  });

  it('builds one proxy entry per service from the table, with env overrides', () => {
    const proxy = buildProxy({ JIXIAO_REPORT_URL: 'http://127.0.0.1:9993/' });
    const entries = Object.entries(proxy);
    expect(entries).toHaveLength(3);
    const targetFor = (path: string) => entries.find(([pattern]) => new RegExp(pattern).test(path))?.[1].target;
    expect(targetFor('/api/v1/departments')).toBe('http://127.0.0.1:8081');
    expect(targetFor('/api/v1/budgets/d/2020/basic-expenditure')).toBe('http://127.0.0.1:8081');
    expect(targetFor('/api/v1/evaluations/d/2020')).toBe('http://127.0.0.1:8082');
    expect(targetFor('/api/v1/reports/d/2020/sections/basic-expenditure')).toBe('http://127.0.0.1:9993');
    expect(targetFor('/api/v1/departments?x=1')).toBe('http://127.0.0.1:8081');
    expect(targetFor('/api/v1/budgetsx')).toBeUndefined();
    for (const segment of Object.keys(API_ROUTES)) {
      expect(targetFor(`/api/v1/${segment}`)).toBeDefined();
    }
  });

  it('reads service URLs from the environment', () => {
    expect(serviceUrls({ JIXIAO_BUDGET_URL: 'http://10.0.0.1:1', JIXIAO_EVALUATION_URL: ' ' })).toEqual({
      budget: 'http://10.0.0.1:1',
      evaluation: 'http://127.0.0.1:8082',
      report: 'http://127.0.0.1:8083',
    });
  });

  it('forwards /openapi/<service> to that service’s /q/openapi, keeping the query', () => {
    const proxy = Object.entries(buildDocsProxy({ JIXIAO_EVALUATION_URL: 'http://127.0.0.1:9992' }));
    expect(proxy).toHaveLength(3);
    const entryFor = (path: string) => proxy.find(([pattern]) => new RegExp(pattern).test(path))?.[1];
    expect(entryFor('/openapi/budget')?.target).toBe('http://127.0.0.1:8081');
    expect(entryFor('/openapi/evaluation?format=json')?.target).toBe('http://127.0.0.1:9992');
    expect(entryFor('/openapi/report')?.rewrite?.('/openapi/report?format=json')).toBe('/q/openapi?format=json');
    expect(entryFor('/openapi/reportx')).toBeUndefined();
    expect(routeFor('/openapi/budget')).toBeUndefined();
  });
});

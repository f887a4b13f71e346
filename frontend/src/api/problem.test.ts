// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse, isApiError, networkError, parseProblem } from './problem';

describe('parseProblem', () => {
  it('reads a complete problem+json body', () => {
    const problem = parseProblem(
      {
        type: 'https://jixiao.example/problems/validation',
        title: '请求参数有误',
        status: 400,
        detail: '预算数不能为负数',
        instance: '/api/v1/budgets/d1/2020/basic-expenditure',
        errors: [
          { field: 'budget', message: '不能为负数' },
          { field: 'actual', message: '不能为空' },
        ],
      },
      400,
    );
    expect(problem).toEqual({
      type: 'https://jixiao.example/problems/validation',
      title: '请求参数有误',
      status: 400,
      detail: '预算数不能为负数',
      instance: '/api/v1/budgets/d1/2020/basic-expenditure',
      errors: [
        { field: 'budget', message: '不能为负数' },
        { field: 'actual', message: '不能为空' },
      ],
    });
  });

  it('falls back to the HTTP status for missing or malformed members', () => {
    const problem = parseProblem({ status: 'x', errors: 'nope', title: 7 }, 502, 'Bad Gateway');
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      detail: undefined,
      instance: undefined,
      errors: [],
    });
    expect(parseProblem(undefined, 500).title).toBe('HTTP 500');
  });

  it('keeps only field errors that carry a message', () => {
    const problem = parseProblem({ errors: [{ field: 'budget' }, null, { message: 'global' }, 'x'] }, 400);
    expect(problem.errors).toEqual([{ field: '', message: 'global' }]);
  });
});

describe('apiErrorFromResponse', () => {
  it('parses an application/problem+json response into a typed error', async () => {
    const response = new Response(
      JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'stale version 3' }),
      { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
    );
    const error = await apiErrorFromResponse(response);
    expect(isApiError(error)).toBe(true);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.isConflict).toBe(true);
    expect(error.problem.detail).toBe('stale version 3');
    expect(error.message).toBe('Conflict: stale version 3');
  });

  it('copes with an empty or HTML body', async () => {
    const empty = await apiErrorFromResponse(new Response(null, { status: 403, statusText: 'Forbidden' }));
    expect(empty.isForbidden).toBe(true);
    expect(empty.problem.title).toBe('Forbidden');

    const html = await apiErrorFromResponse(
      new Response('<html>proxy error</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    expect(html.status).toBe(502);
    expect(html.problem.detail).toBeUndefined();
  });

  it('keeps a short plain-text body as detail', async () => {
    const error = await apiErrorFromResponse(
      new Response('upstream timed out', { status: 504, headers: { 'Content-Type': 'text/plain' } }),
    );
    expect(error.problem.detail).toBe('upstream timed out');
  });

  it('ignores malformed JSON', async () => {
    const error = await apiErrorFromResponse(
      new Response('{oops', { status: 500, headers: { 'Content-Type': 'application/json' } }),
    );
    expect(error.status).toBe(500);
    expect(error.fieldErrors).toEqual([]);
  });
});

describe('networkError', () => {
  it('has status 0', () => {
    const error = networkError(new TypeError('Failed to fetch'));
    expect(error.isNetworkError).toBe(true);
    expect(error.problem.detail).toBe('Failed to fetch');
  });
});

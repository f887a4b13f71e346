// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { ApiClient, filenameFromDisposition, type TokenSource } from './client';
import { ApiError } from './problem';

function jsonResponse(body: unknown, status = 200, contentType = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

function setup(fetchImpl: typeof fetch, token: () => Promise<string> = async () => 'token-1') {
  const auth: TokenSource = { getValidToken: vi.fn(token), onUnauthorized: vi.fn() };
  let language = 'zh-CN';
  const client = new ApiClient({ baseUrl: '/api/v1', auth, language: () => language, fetchImpl });
  return { client, auth, setLanguage: (value: string) => (language = value) };
}

describe('ApiClient', () => {
  it('sends the bearer token and the UI language', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse([{ id: 'd1' }]));
    const { client, setLanguage } = setup(fetchImpl as unknown as typeof fetch);

    await expect(client.get('/departments')).resolves.toEqual([{ id: 'd1' }]);
    setLanguage('en');
    await client.get('/departments');

    const calls = fetchImpl.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0]?.[0]).toBe('/api/v1/departments');
    const first = calls[0]?.[1].headers as Record<string, string>;
    expect(first.Authorization).toBe('Bearer token-1');
    expect(first['Accept-Language']).toBe('zh-CN');
    expect((calls[1]?.[1].headers as Record<string, string>)['Accept-Language']).toBe('en');
  });

  it('sends JSON bodies', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ version: 2 }));
    const { client } = setup(fetchImpl as unknown as typeof fetch);
    await client.put('/budgets/d1/2020/basic-expenditure', { budget: '1.00', actual: '2.00', version: 1 });
    const [, init] = (fetchImpl.mock.calls as unknown as [string, RequestInit][])[0]!;
    expect(init.method).toBe('PUT');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"budget":"1.00","actual":"2.00","version":1}');
  });

  it('throws a typed error carrying the problem details', async () => {
    const fetchImpl = vi.fn(async () =>
      jsonResponse(
        { type: 'about:blank', title: '校验失败', status: 400, errors: [{ field: 'budget', message: '必填' }] },
        400,
        'application/problem+json',
      ),
    );
    const { client, auth } = setup(fetchImpl as unknown as typeof fetch);
    const error = await client.get('/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors).toEqual([{ field: 'budget', message: '必填' }]);
    expect(auth.onUnauthorized).not.toHaveBeenCalled();
  });

  it('asks for a new login on 401', async () => {
    const fetchImpl = vi.fn(async () => new Response(null, { status: 401 }));
    const { client, auth } = setup(fetchImpl as unknown as typeof fetch);
    await expect(client.get('/x')).rejects.toMatchObject({ status: 401 });
    expect(auth.onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('asks for a new login when the token cannot be refreshed, without calling the API', async () => {
    const fetchImpl = vi.fn();
    const { client, auth } = setup(fetchImpl as unknown as typeof fetch, async () => {
      throw new Error('refresh failed');
    });
    await expect(client.get('/x')).rejects.toMatchObject({ status: 401 });
    expect(auth.onUnauthorized).toHaveBeenCalledTimes(1);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('reports a network failure as status 0', async () => {
    const fetchImpl = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const { client } = setup(fetchImpl as unknown as typeof fetch);
    await expect(client.get('/x')).rejects.toMatchObject({ status: 0 });
  });

  it('downloads a file with the token and the server’s file name', async () => {
    const fetchImpl = vi.fn(
      async () =>
        new Response('code,name\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="budget-lines-2020.csv"' },
        }),
    );
    const { client } = setup(fetchImpl as unknown as typeof fetch);
    const file = await client.download('/budgets/export?fiscalYear=2020&format=csv', 'fallback.csv');
    expect(file.filename).toBe('budget-lines-2020.csv');
    expect(await file.blob.text()).toBe('code,name\n');
    const [, init] = (fetchImpl.mock.calls as unknown as [string, RequestInit][])[0]!;
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer token-1');
  });

  it('sends DELETE and reads the problem code of a 409', async () => {
    const fetchImpl = vi.fn(async () =>
      jsonResponse(
        { type: 'urn:jixiao:problem:filing.locked', title: '冲突', status: 409, code: 'filing.locked', detail: '已锁定' },
        409,
        'application/problem+json',
      ),
    );
    const { client } = setup(fetchImpl as unknown as typeof fetch);
    const error = (await client.delete('/budgets/d1/2020/projects/3?version=1').catch((caught: unknown) => caught)) as ApiError;
    expect((fetchImpl.mock.calls as unknown as [string, RequestInit][])[0]![1].method).toBe('DELETE');
    expect(error.code).toBe('filing.locked');
    expect(error.isFilingLocked).toBe(true);
    expect(error.isVersionConflict).toBe(false);
  });
});

describe('filenameFromDisposition', () => {
  it('reads filename* first, then filename', () => {
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''%E9%A2%84%E7%AE%97.csv; filename="x.csv"`)).toBe('预算.csv');
    expect(filenameFromDisposition('attachment; filename="budget-lines-2020.ndjson"')).toBe('budget-lines-2020.ndjson');
    expect(filenameFromDisposition(null)).toBeUndefined();
  });
});

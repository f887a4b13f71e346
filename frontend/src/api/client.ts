import { ApiError, apiErrorFromResponse, networkError } from './problem';

/** Where the client gets a bearer token from, and what it does when the server rejects it. */
export interface TokenSource {
  /** A token valid for a while yet (refreshed first if it is about to expire). */
  getValidToken(): Promise<string>;
  /** The session is gone (401, or refresh failed): log in again. */
  onUnauthorized(): void;
}

export interface ApiClientOptions {
  baseUrl: string;
  auth: TokenSource;
  /** Current UI language, sent as Accept-Language ("zh-CN" or "en"). */
  language: () => string;
  fetchImpl?: typeof fetch;
}

export interface RequestOptions {
  body?: unknown;
  /** A raw body (an uploaded file, or a multipart form) sent as is, instead of JSON. */
  rawBody?: Blob | FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** fetch wrapper for /api/v1: bearer token, Accept-Language, JSON in and out, problem+json errors. */
export class ApiClient {
  private readonly options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.options = options;
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  put<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  post<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  /**
   * GETs a file (an export) with the token: the body as a Blob and the file name the server suggests
   * in Content-Disposition (or `fallbackName`).
   */
  async download(path: string, fallbackName: string, options: RequestOptions = {}): Promise<DownloadedFile> {
    const response = await this.send('GET', path, { ...options, headers: { Accept: '*/*', ...options.headers } });
    const blob = await response.blob();
    return { blob, filename: filenameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName };
  }

  /** GETs a text body (an HTML preview). */
  async getText(path: string, options: RequestOptions = {}): Promise<string> {
    const response = await this.send('GET', path, { ...options, headers: { Accept: 'text/html, text/plain', ...options.headers } });
    return response.text();
  }

  /** POSTs a file as the request body (as application/octet-stream unless told otherwise); JSON answer. */
  async postFile<T>(path: string, file: Blob, contentType = 'application/octet-stream', options: RequestOptions = {}): Promise<T> {
    const response = await this.send('POST', path, {
      ...options,
      rawBody: file,
      headers: { 'Content-Type': contentType, ...options.headers },
    });
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  /**
   * POSTs a multipart form (a file upload with its fields); the browser sets the multipart
   * Content-Type with its boundary. JSON answer.
   */
  async postForm<T>(path: string, form: FormData, options: RequestOptions = {}): Promise<T> {
    const response = await this.send('POST', path, { ...options, rawBody: form });
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  url(path: string): string {
    const base = this.options.baseUrl.replace(/\/+$/, '');
    return `${base}${path.startsWith('/') ? path : `/${path}`}`;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    if (response.status === 204) {
      return undefined as T;
    }
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  /** Sends a request with token and language; resolves to an OK response, else throws an ApiError. */
  private async send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const { auth, language } = this.options;
    const fetchImpl = this.options.fetchImpl ?? globalThis.fetch.bind(globalThis);

    let token: string;
    try {
      token = await auth.getValidToken();
    } catch {
      auth.onUnauthorized();
      throw new ApiError({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: 'The session has expired.',
        errors: [],
      });
    }

    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': language(),
      Authorization: `Bearer ${token}`,
      ...options.headers,
    };
    let body: string | Blob | FormData | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }

    let response: Response;
    try {
      response = await fetchImpl(this.url(path), { method, headers, body, signal: options.signal });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') {
        throw cause;
      }
      throw networkError(cause);
    }

    if (!response.ok) {
      const error = await apiErrorFromResponse(response);
      if (response.status === 401) {
        auth.onUnauthorized();
      }
      throw error;
    }
    return response;
  }
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** The file name of a Content-Disposition header (filename*=UTF-8'' first, then filename=). */
export function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) {
    return undefined;
  }
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || undefined;
}

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';

export interface DocketGraphqlError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** A request that did not return data: the GraphQL errors' codes (e.g. UNAUTHENTICATED, NOT_FOUND), or the HTTP status. */
export class DocketClientError extends Error {
  constructor(
    message: string,
    /** `extensions.code` of each error, in order; empty for an HTTP failure without a GraphQL body. */
    readonly codes: string[],
    readonly errors: DocketGraphqlError[],
    readonly status: number,
  ) {
    super(message);
    this.name = 'DocketClientError';
  }
}

export interface DocketClientOptions {
  /** The API's base URL, e.g. http://localhost:3000; requests go to `<url>/graphql`. */
  url: string;
  /** A session or API token, sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** For tests or other runtimes; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/** Operations without required variables may leave them out; the others must pass them. */
type VariablesArgs<TVariables> =
  Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

/** A minimal typed GraphQL client for Docket: one POST per operation, data typed by the generated documents. */
export class DocketClient {
  private readonly endpoint: string;
  private readonly fetch: typeof fetch;
  // A document is printed once, however often it is sent.
  private readonly printed = new WeakMap<DocumentNode, string>();

  constructor(private readonly options: DocketClientOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '')}/graphql`;
    this.fetch = options.fetch ?? fetch;
  }

  async request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    ...[variables]: VariablesArgs<TVariables>
  ): Promise<TData> {
    const response = await this.fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      },
      body: JSON.stringify({ query: this.print(document), variables: variables ?? {} }),
    });
    let body: { data?: TData | null; errors?: DocketGraphqlError[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new DocketClientError(`HTTP ${response.status} from ${this.endpoint}`, [], [], response.status);
    }
    const errors = body.errors ?? [];
    if (errors.length || body.data == null) {
      const codes = errors.map((error) => error.extensions?.code ?? 'UNKNOWN');
      const detail = errors.map((error) => error.message).join('; ') || `HTTP ${response.status} without data`;
      throw new DocketClientError(`[${codes.join(', ')}] ${detail}`, codes, errors, response.status);
    }
    return body.data;
  }

  private print(document: DocumentNode): string {
    let query = this.printed.get(document);
    if (query === undefined) {
      query = print(document);
      this.printed.set(document, query);
    }
    return query;
  }
}

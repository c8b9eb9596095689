export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface GraphqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphqlError[];
}

/** POSTs GraphQL to a running API over real HTTP, as a client would. */
export class GraphqlClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  as(token: string | undefined): GraphqlClient {
    return new GraphqlClient(this.baseUrl, token);
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GraphqlError[] };
    return { status: response.status, ...body };
  }

  /** For calls expected to succeed: throws with the errors otherwise. */
  async data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors ?? result)}`);
    }
    return result.data;
  }

  /** For calls expected to fail: the first error. */
  async error(query: string, variables?: Record<string, unknown>): Promise<GraphqlError> {
    const result = await this.request(query, variables);
    const error = result.errors?.[0];
    if (!error) throw new Error(`Expected an error, got ${JSON.stringify(result.data)}`);
    return error;
  }
}

// @docket/client: a typed GraphQL client for Docket, generated from the served schema (apps/api/schema.gql).
export * from './docket-client';
export * from './generated/graphql';

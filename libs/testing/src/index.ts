export * from './graphql-client';
export * from './test-config';
export * from './test-database';
export * from './test-redis';
export * from './test-smtp';
export * from './ws-client';
export * from './test-redis-server';
export * from './http-receiver';

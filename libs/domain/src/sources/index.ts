export * from './source-rules';

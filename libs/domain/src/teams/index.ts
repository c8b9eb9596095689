export * from './team-rules';

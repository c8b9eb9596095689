export * from './activity-changes';
export * from './cursor';
export * from './identifier';
export * from './recommendation-rules';

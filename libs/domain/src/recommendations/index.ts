export * from './activity-changes';
export * from './cursor';
export * from './identifier';
export * from './recommendation-list';
export * from './recommendation-rules';

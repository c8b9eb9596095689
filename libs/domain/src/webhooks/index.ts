export * from './webhook-events';
export * from './webhook-input';
export * from './webhook-payload';
export * from './webhook-url';

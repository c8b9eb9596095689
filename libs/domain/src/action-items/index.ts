export * from './action-item-rules';

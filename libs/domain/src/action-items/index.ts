export * from './action-item-filter';
export * from './action-item-rules';

export * from './data-source-options';
export * from './entities';
export * from './migrations';
export * from './run-migrations';

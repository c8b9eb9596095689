export * from './import-parser';

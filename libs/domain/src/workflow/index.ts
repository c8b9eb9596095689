export * from './default-workflow';
export * from './workflow-engine';
export * from './workflow-types';
export * from './workflow-validation';

export * from './reminder-policy';
export * from './reminder-schedule';
export * from './reminder-text';

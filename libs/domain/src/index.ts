export * from './errors';
export * from './import';
export * from './permissions';
export * from './recommendations';
export * from './reminders';
export * from './teams';
export * from './time';
export * from './workflow';

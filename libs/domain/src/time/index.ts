export * from './duration';
export * from './time-zone';

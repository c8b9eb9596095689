export * from './stakeholder-rules';

export * from './comment-rules';
export * from './mentions';

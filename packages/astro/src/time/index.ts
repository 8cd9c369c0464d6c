export * from './julian-date.js';
export * from './instant.js';

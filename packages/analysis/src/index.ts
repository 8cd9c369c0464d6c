export * from './decay/index.js';
export * from './scenario/index.js';
export * from './now/index.js';

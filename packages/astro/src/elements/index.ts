export * from './element-set.js';

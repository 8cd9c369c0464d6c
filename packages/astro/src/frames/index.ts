export * from './state-vector.js';

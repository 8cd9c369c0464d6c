export * from './decay/index.js';

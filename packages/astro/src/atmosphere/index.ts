export * from './atmosphere.js';
export * from './space-weather.js';

export * from './atmosphere.js';
export * from './space-weather.js';
export * from './space-weather-drivers.js';
export * from './nrlmsise00/index.js';
export * from './nrlmsise00-atmosphere.js';
export * from './harris-priester.js';
export * from './exponential.js';
export { dayOfYear } from './calendar.js';

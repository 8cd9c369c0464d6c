export { runScenario, InsufficientData, FIT_DAYS, HORIZON_YEARS, type ScenarioInputs, type ScenarioReport, type WeatherChoice } from './scenario.js';
export { ResultCache } from './cache.js';

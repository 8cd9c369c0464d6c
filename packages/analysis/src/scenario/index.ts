/**
 * @stationkeeper/analysis/scenario — scenario orchestrations shared by the CLI and the server: the decay/reentry
 * scenario (`runDecayScenario`, docs/decay.md). Pure: data come in as arguments, parallel execution is injected.
 */
export * from './decay-scenario.js';
export * from './errors.js';

/* global document */
/** Page bootstrap: map base layers, the live loop, then the panels. */
import { drawBase } from './map.js';
import { startLive } from './live.js';
import { setupPasses } from './passes.js';
import { setupHistory } from './history.js';
import { setupDecay } from './decay.js';

const banner = document.getElementById('banner');
const mode = document.getElementById('live-mode');

drawBase().catch((e) => {
  mode.textContent = `map outlines unavailable: ${e.message}`;
});
startLive(banner).catch((e) => {
  mode.textContent = `no position: ${e.message}`;
});
setupPasses(banner);
setupHistory(banner);
setupDecay(banner);

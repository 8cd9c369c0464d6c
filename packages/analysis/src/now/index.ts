/** "Where is it now": the element-set choice rule and the now record shared by the CLI and the server. */
export { chooseElementSet, isStale, MEANINGLESS_AFTER_DAYS, STALE_AFTER_DAYS, staleElementsWarning, type ElementCandidates } from './choose-elements.js';
export { computeNow, type NowElements, type NowInput, type NowLook, type NowObserver, type NowRecord } from './now.js';

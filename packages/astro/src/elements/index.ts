export * from './element-set.js';
export { tleChecksum, hasValidChecksum } from './checksum.js';
export { decodeAlpha5, encodeAlpha5, MAX_ALPHA5 } from './alpha5.js';
export {
  tleFourDigitYear, isLeapYear, daysInYear, julianDateOfYearStart, epochUtcFromDayOfYear, formatEpochIso, parseEpochIso,
} from './epoch.js';
export { parseTle, titleName, type TleParseOptions } from './tle-parse.js';
export { formatTle, format3le, formatTitleLine } from './tle-format.js';
export {
  parseElementFile, parseTleFile, detectElementFormat, splitLines,
  type ElementFileResult, type ElementFileFormat, type RejectedRecord,
} from './element-file.js';
export {
  elementSetToOmm, ommRecordToElementSet, intlDesignatorOfObjectId, objectIdOfIntlDesignator, radToDegShortest,
  OMM_FIELDS, type OmmRecord,
} from './omm.js';
export { parseOmmJson, formatOmmJson } from './omm-json.js';
export { parseOmmXml, formatOmmXml, type OmmHeaderOptions } from './omm-xml.js';
export { parseOmmKvn, formatOmmKvn } from './omm-kvn.js';
export { parseOmmCsv, formatOmmCsv } from './omm-csv.js';
export { ommToTle, tleToOmm } from './convert.js';
export { brouwerMeanMotionRadPerMin, brouwerSemiMajorAxisKm, meanAltitudes, MEAN_ALTITUDE_REFERENCE_RADIUS_KM, type KozaiElements, type MeanAltitudes } from './mean-orbit.js';

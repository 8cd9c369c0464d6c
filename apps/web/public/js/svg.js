/* global document */
/** SVG helpers: element creation and GeoJSON → path data on the equirectangular map (1000 × 500 viewBox). */
const NS = 'http://www.w3.org/2000/svg';

export function el(name, attrs = {}, parent) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

export const MAP_W = 1000;
export const MAP_H = 500;
/** Plate carrée: longitude −180…180 → x 0…1000, latitude 90…−90 → y 0…500. */
export const px = (lon) => ((lon + 180) / 360) * MAP_W;
export const py = (lat) => ((90 - lat) / 180) * MAP_H;
const pt = ([lon, lat]) => `${px(lon).toFixed(1)},${py(lat).toFixed(1)}`;

export function lineD(coords) {
  return coords.length < 2 ? '' : `M${coords.map(pt).join('L')}`;
}

export function ringD(ring) {
  return ring.length < 3 ? '' : `M${ring.map(pt).join('L')}Z`;
}

/** Path data of any GeoJSON geometry (lines stay open, polygon rings close). */
export function geometryD(g) {
  if (!g) return '';
  switch (g.type) {
    case 'LineString': return lineD(g.coordinates);
    case 'MultiLineString': return g.coordinates.map(lineD).join('');
    case 'Polygon': return g.coordinates.map(ringD).join('');
    case 'MultiPolygon': return g.coordinates.map((p) => p.map(ringD).join('')).join('');
    default: return '';
  }
}

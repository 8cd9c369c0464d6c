#!/usr/bin/python3
"""Reference for `computeNow` (packages/analysis/src/now: `stationkeeper now`, `GET /api/now`) on the bundled ISS
sample (the Wikipedia "Two-line element set" example TLE).

Generator: Debian python3-skyfield (1.4x) + python3-sgp4 — run with /usr/bin/python3:
    /usr/bin/python3 tools/gen-now-reference.py > packages/analysis/src/now/now.reference.json
Content: for a few instants near the sample epoch, the WGS-84 sub-satellite point (Skyfield
`wgs84.geographic_position_of`, ITRS without polar motion) and the TEME speed (python-sgp4, WGS-72, UTC JD);
the passes (rise / culmination / set, geometric horizon 0 deg, Skyfield `find_events`) over one observer
for 24 h after the first instant; and look angles from that observer (Skyfield `(sat - site).at(t)`: `altaz`
for azimuth / elevation / range, `frame_latlon_and_rates(site)` for the range rate; geometric, no refraction)
at the point instants and at two instants inside passes.

Skyfield uses its built-in leap seconds and UT1; the stationkeeper side runs with no EOP (UT1 = UTC). UT1-UTC
on 2008-09-20 was about -0.45 s (~0.2 km of Earth rotation at the equator, ~0.5 s in pass times): the test's
tolerances are set from that.
"""
import json
import sys

from sgp4.api import WGS72, Satrec, jday
from skyfield.api import EarthSatellite, load, wgs84

L1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927'
L2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537'
INSTANTS = [(2008, 9, 20, 12, 30, 0.0), (2008, 9, 20, 14, 0, 0.0), (2008, 9, 21, 3, 17, 30.0)]
OBSERVER = {'latitudeDeg': 52.52, 'longitudeDeg': 13.405, 'heightM': 34.0}
# Inside the second pass (near culmination, 46 deg) and early in the first (low, approaching): look angles only.
LOOK_INSTANTS = [(2008, 9, 20, 19, 58, 28.0), (2008, 9, 20, 18, 21, 0.0)]

ts = load.timescale(builtin=True)
sat = EarthSatellite(L1, L2, 'ISS (ZARYA)', ts)
rec = Satrec.twoline2rv(L1, L2, WGS72)


def iso(t):
    return t.utc_strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % min(999, round((t.utc.second % 1) * 1000))


points = []
for (y, mo, d, h, mi, s) in INSTANTS:
    t = ts.utc(y, mo, d, h, mi, s)
    sub = wgs84.geographic_position_of(sat.at(t))
    jd, fr = jday(y, mo, d, h, mi, s)
    err, r, v = rec.sgp4(jd, fr)
    assert err == 0
    points.append({
        'time': '%04d-%02d-%02dT%02d:%02d:%06.3fZ' % (y, mo, d, h, mi, s),
        'latitudeDeg': sub.latitude.degrees,
        'longitudeDeg': sub.longitude.degrees,
        'altitudeKm': sub.elevation.km,
        'speedKmS': (v[0] ** 2 + v[1] ** 2 + v[2] ** 2) ** 0.5,
    })

site = wgs84.latlon(OBSERVER['latitudeDeg'], OBSERVER['longitudeDeg'], elevation_m=OBSERVER['heightM'])
t0 = ts.utc(*INSTANTS[0])
t1 = ts.utc(2008, 9, 21, 12, 30, 0.0)
times, kinds = sat.find_events(site, t0, t1, altitude_degrees=0.0)
passes, cur = [], {}
for t, k in zip(times, kinds):
    if k == 0:
        cur = {'rise': iso(t)}
    elif k == 1 and 'rise' in cur:
        alt, _, _ = (sat - site).at(t).altaz()
        cur['culmination'] = iso(t)
        cur['maxElevationDeg'] = alt.degrees
    elif k == 2 and 'culmination' in cur:
        cur['set'] = iso(t)
        passes.append(cur)
        cur = {}

look = []
for (y, mo, d, h, mi, s) in INSTANTS + LOOK_INSTANTS:
    t = ts.utc(y, mo, d, h, mi, s)
    topo = (sat - site).at(t)
    alt, az, dist = topo.altaz()
    _, _, _, _, _, range_rate = topo.frame_latlon_and_rates(site)
    look.append({
        'time': '%04d-%02d-%02dT%02d:%02d:%06.3fZ' % (y, mo, d, h, mi, s),
        'azimuthDeg': az.degrees,
        'elevationDeg': alt.degrees,
        'rangeKm': dist.km,
        'rangeRateKmS': range_rate.km_per_s,
    })

json.dump({
    'header': {
        'generator': 'tools/gen-now-reference.py',
        'peers': 'Debian python3-skyfield (wgs84, find_events), python3-sgp4 (Satrec WGS-72)',
        'elements': [L1, L2],
        'units': 'degrees, km, km/s, ISO-8601 UTC; look: azimuth from north through east',
        'note': 'Skyfield built-in UT1; stationkeeper side without EOP (UT1=UTC, |UT1-UTC| ~ 0.45 s in 2008-09)',
    },
    'observer': OBSERVER,
    'points': points,
    'passes': passes,
    'look': look,
}, sys.stdout, indent=1)
sys.stdout.write('\n')

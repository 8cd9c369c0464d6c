#!/usr/bin/python3
"""Generates packages/astro/src/time/fixtures/time-extra.json — references the shared time.json does not cover:

  * eop: polar motion x_p, y_p, celestial-pole offsets dX, dY and UT1-UTC, Bulletin A columns of the shared
    finals2000A.all, interpolated by astropy 5.2.1 (Debian python3-astropy; astropy.utils.iers.IERS_A, linear in
    MJD with its own leap-second jump correction for UT1-UTC);
  * pre1972: UTC -> TAI in the 1961-1971 drift era and across its fractional steps by ERFA (pyerfa 2.0.0.1,
    eraDtf2d + eraUtctai, eraDat);
  * tdb: TDB-TT at the geocentre by ERFA eraDtdb (full Fairhead & Bretagnon 1990 series), 1950-2100.

Run:  /usr/bin/python3 tools/gen-time-reference.py   (needs ../shared/data/eop/finals2000A.all.gz; no network)
Deterministic: random.Random(20261125).
"""
import gzip
import json
import os
import random
import shutil
import tempfile

import astropy
import erfa
from astropy.utils import iers

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get('STATIONKEEPER_SHARED', os.path.join(os.path.dirname(ROOT), 'shared'))
OUT = os.path.join(ROOT, 'packages', 'astro', 'src', 'time', 'fixtures', 'time-extra.json')
rng = random.Random(20261125)


def iso(y, mo, d, h, mi, s):
    return '%04d-%02d-%02dT%02d:%02d:%06.3fZ' % (y, mo, d, h, mi, s)


def eop_cases():
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, 'finals2000A.all')
    with gzip.open(os.path.join(SHARED, 'data', 'eop', 'finals2000A.all.gz')) as src, open(path, 'wb') as dst:
        shutil.copyfileobj(src, dst)
    t = iers.IERS_A.open(path)
    # Use the Bulletin A columns only (astropy's combined columns prefer Bulletin B where it exists).
    t['UT1_UTC'] = t['UT1_UTC_A']
    t['PM_x'] = t['PM_x_A']
    t['PM_y'] = t['PM_y_A']
    t['dX_2000A'] = t['dX_2000A_A']
    t['dY_2000A'] = t['dY_2000A_A']
    cases = []
    instants = []
    for _ in range(150):
        mjd = rng.uniform(41685.0, 61635.0)  # 1973-01-03 .. 2027-08-18 (UT1 rows end 2027-08-21)
        instants.append(('random', mjd))
    # Leap-second days (UT1-UTC jumps by 1 s there): noon and the last half second before the leap.
    for mjd in [42048, 42413, 42778, 43144, 43509, 43874, 44239, 44786, 45151, 45516, 46247, 47161,
                47892, 48257, 48804, 49169, 49534, 50083, 50630, 51179, 53736, 54832, 56109, 57204, 57754]:
        instants.append(('leap-day-noon', mjd - 0.5))
        instants.append(('leap-day-end', mjd - 1 + 86399.5 / 86400))
    for tag, mjd in instants:
        day = int(mjd)
        sod = round((mjd - day) * 86400, 3)
        y, mo, d, fd = erfa.jd2cal(2400000.5, day)
        h = int(sod // 3600)
        mi = int((sod - 3600 * h) // 60)
        s = sod - 3600 * h - 60 * mi
        jd2 = day + sod / 86400
        ut1, st = t.ut1_utc(2400000.5, jd2, return_status=True)
        x, yp = t.pm_xy(2400000.5, jd2)
        dx, dy = t.dcip_xy(2400000.5, jd2)
        has_nut = bool(abs(dx.value) > 0 or abs(dy.value) > 0)
        cases.append({
            'tag': tag,
            'utc': iso(int(y), int(mo), int(d), h, mi, s),
            'ut1_minus_utc_s': float(ut1.value),
            'xp_arcsec': float(x.value),
            'yp_arcsec': float(yp.value),
            'dx_mas': float(dx.value) if has_nut else None,
            'dy_mas': float(dy.value) if has_nut else None,
        })
    return cases


def pre1972_cases():
    cases = []
    days = [rng.randint(37300, 41316) for _ in range(80)]
    # The last day before each 1961-1971 step (day length 86400 + jump) and the first day after.
    for mjd in [37512, 37665, 38334, 38395, 38486, 38639, 38761, 38820, 38942, 39004, 39126, 39887, 41317]:
        days += [mjd - 1, mjd]
    for day in days:
        y, mo, d, _ = erfa.jd2cal(2400000.5, day)
        for sod in (0.0, rng.uniform(0, 86399), 86399.0):
            h = int(sod // 3600)
            mi = int((sod - 3600 * h) // 60)
            s = round(sod - 3600 * h - 60 * mi, 3)
            u1, u2 = erfa.dtf2d('UTC', int(y), int(mo), int(d), h, mi, s)
            a1, a2 = erfa.utctai(u1, u2)
            dat = erfa.dat(int(y), int(mo), int(d), (3600 * h + 60 * mi + s) / 86400)
            cases.append({'utc': iso(int(y), int(mo), int(d), h, mi, s), 'tai_jd1': a1, 'tai_jd2': a2, 'tai_minus_utc_s': dat})
    return cases


def tdb_cases():
    cases = []
    for _ in range(200):
        jd = rng.uniform(2433282.5, 2488069.5)  # 1950 .. 2100
        whole = float(int(jd))
        frac = jd - whole
        cases.append({'tt_jd1': whole, 'tt_jd2': frac, 'tdb_minus_tt_s': erfa.dtdb(whole, frac, frac, 0.0, 0.0, 0.0)})
    return cases


def main():
    out = {
        'header': {
            'generator': 'tools/gen-time-reference.py',
            'peers': {'astropy': astropy.__version__, 'pyerfa': erfa.__version__},
            'data': 'shared/data/eop/finals2000A.all.gz (md5 2c1479693fa1a74e0435a54b893f5556), Bulletin A columns',
            'units': 'seconds, arcsec (x_p, y_p), milliarcsec (dX, dY), days (JD)',
            'notes': [
                'eop: astropy IERS_A linear interpolation in UTC MJD; dX/dY null where astropy returns 0 (no nutation columns)',
                'pre1972: ERFA utctai of the UTC calendar time (ERFA reads the 1961-1971 drift formulae from its own table)',
                'tdb: ERFA dtdb at the geocentre (u = v = 0), ut = fraction of the TT day',
            ],
        },
        'eop': eop_cases(),
        'pre1972': pre1972_cases(),
        'tdb': tdb_cases(),
    }
    with open(OUT, 'w') as f:
        json.dump(out, f, indent=0)
        f.write('\n')
    print('wrote', OUT, len(out['eop']), len(out['pre1972']), len(out['tdb']))


if __name__ == '__main__':
    main()

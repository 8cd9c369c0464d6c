#!/usr/bin/python3
"""Reference values for the element-set parsers, computed by python-sgp4 (Debian python3-sgp4).

Writes packages/astro/src/elements/fixtures/python-sgp4-elements.json. Run from the repository root with
Debian's interpreter:  /usr/bin/python3 tools/gen-elements-reference.py  (reads ../shared or $STATIONKEEPER_SHARED).

The fixture holds no copy of the shared data: TLE records are named by file and 0-based record index; the
test re-reads them in place. It does hold python-sgp4's own small OMM samples (sample_omm.xml/.csv, MIT).
"""
import gzip, hashlib, json, os, sys
from math import pi
import sgp4
from sgp4.api import Satrec, WGS72
from sgp4 import omm, exporter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get('STATIONKEEPER_SHARED') or os.path.join(ROOT, '..', 'shared')
XPDOTP = 1440.0 / (2.0 * pi)
STEP = 150
try:
    from importlib.metadata import version
    VERSION = version('sgp4')
except Exception:  # Debian may not ship the dist-info
    import subprocess
    VERSION = subprocess.run(['dpkg-query', '-W', '-f=${Version}', 'python3-sgp4'], capture_output=True, text=True).stdout  # every 150th record of each catalog

def read(path):
    raw = open(path, 'rb').read()
    return raw, (gzip.decompress(raw) if path.endswith('.gz') else raw).decode('utf-8')

def records(text):
    """(title, line1, line2) triples of a 3LE text, in order."""
    lines = text.replace('\r\n', '\n').split('\n')
    out, i = [], 0
    while i < len(lines):
        if lines[i].startswith('1 ') and i + 1 < len(lines) and lines[i + 1].startswith('2 '):
            out.append((lines[i - 1] if i > 0 and not lines[i - 1].startswith('2 ') else None, lines[i], lines[i + 1]))
            i += 2
        else:
            i += 1
    return out

def satrec_values(s):
    return {
        'satnum': s.satnum, 'classification': s.classification, 'intldesg': s.intldesg,
        'epochyr': s.epochyr, 'epochdays': s.epochdays, 'jdsatepoch': s.jdsatepoch, 'jdsatepochF': s.jdsatepochF,
        'ndotRevPerDay2': s.ndot * XPDOTP * 1440.0, 'nddotRevPerDay3': s.nddot * XPDOTP * 1440.0 * 1440.0,
        'bstar': s.bstar, 'inclo': s.inclo, 'nodeo': s.nodeo, 'ecco': s.ecco, 'argpo': s.argpo, 'mo': s.mo,
        'noKozaiRadPerMin': s.no_kozai, 'elnum': s.elnum, 'revnum': s.revnum, 'ephtype': s.ephtype,
    }

def main():
    sources, tle_cases = [], []
    files = [('data/catalog/' + f) for f in ('spacetrack_full_catalog_3le_2019-12-19.txt.gz',
             'spacetrack_full_catalog_3le_2022-07-15.txt.gz', 'leo_payloads_3le_2026-06-10.txt.gz')]
    files.append('data/iss-tle-history/ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz')
    for rel in files:
        raw, text = read(os.path.join(SHARED, rel))
        sources.append({'path': rel, 'md5': hashlib.md5(raw).hexdigest()})
        recs = records(text)
        idx = list(range(0, len(recs), STEP if 'catalog' in rel else 50))
        # every Alpha-5 record of the sample files is worth one extra case
        idx += [i for i, r in enumerate(recs) if r[1][2].isalpha()][:20]
        for i in sorted(set(idx)):
            _, l1, l2 = recs[i]
            tle_cases.append({'file': rel, 'index': i, 'python': satrec_values(Satrec.twoline2rv(l1, l2, WGS72))})
    # Vallado's verification set: line 2 carries start/stop/step after column 69
    rel = 'data/sgp4-verification/SGP4-VER.TLE'
    raw, text = read(os.path.join(SHARED, rel))
    sources.append({'path': rel, 'md5': hashlib.md5(raw).hexdigest()})
    vallado = []
    for i, (_, l1, l2) in enumerate(records(text)):
        s = Satrec.twoline2rv(l1, l2[:69], WGS72)
        vallado.append({'index': i, 'python': satrec_values(s)})

    # ISS OMM JSON (CelesTrak): python-sgp4's OMM reader and TLE exporter
    rel = 'data/iss-tle-history/ISS_25544_2024-09_celestrak_omm_sample40.json'
    raw, text = read(os.path.join(SHARED, rel))
    sources.append({'path': rel, 'md5': hashlib.md5(raw).hexdigest()})
    iss_omm = []
    for i, fields in enumerate(json.loads(text)):
        s = Satrec()
        omm.initialize(s, {k: str(v) for k, v in fields.items()})
        iss_omm.append({'index': i, 'tle': list(exporter.export_tle(s)), 'python': satrec_values(s)})

    # python-sgp4's own OMM samples (XML and CSV of VANGUARD 1)
    pkg = os.path.dirname(sgp4.__file__)
    samples = {}
    for kind, name in (('xml', 'sample_omm.xml'), ('csv', 'sample_omm.csv')):
        path = os.path.join(pkg, name)
        body = open(path, encoding='utf-8').read()
        with open(path, encoding='utf-8') as fh:
            fields = list(omm.parse_xml(path) if kind == 'xml' else omm.parse_csv(fh))
        outs = []
        for f in fields:
            s = Satrec()
            omm.initialize(s, f)
            outs.append({'fields': f, 'tle': list(exporter.export_tle(s)), 'python': satrec_values(s)})
        samples[kind] = {'text': body, 'records': outs}

    out = {
        'header': {
            'generator': 'tools/gen-elements-reference.py',
            'peer': 'python-sgp4 %s (Debian python3-sgp4; Satrec.twoline2rv, sgp4.omm, sgp4.exporter.export_tle)' % VERSION,
            'sources': sources,
            'units': 'inclo/nodeo/argpo/mo rad; noKozaiRadPerMin rad/min; ndotRevPerDay2 rev/day^2 (ndot/2 as printed); '
                     'nddotRevPerDay3 rev/day^3 (nddot/6 as printed); bstar 1/earth radii; jdsatepoch+jdsatepochF UTC JD',
            'tolerances': 'angles: python multiplies degrees by pi/180 as we do, so equal to 1e-15 rad (one ulp of 2*pi); '
                          'other values parse the same decimal text: relative 1e-15; epoch: python builds the JD by '
                          'floating-point jday(), exact to ~1e-9 day of rounding in the sum; exported TLE lines: exact text '
                          'except where noted in the test.',
            'note': 'TLE records are named by shared file and 0-based record index (title+line1+line2 triples); no shared text is copied.',
        },
        'tle': tle_cases,
        'vallado': vallado,
        'issOmm': iss_omm,
        'ommSamples': samples,
    }
    dest = os.path.join(ROOT, 'packages/astro/src/elements/fixtures/python-sgp4-elements.json')
    with open(dest, 'w') as fh:
        json.dump(out, fh, indent=None, separators=(',', ':'))
        fh.write('\n')
    print('wrote', dest, len(tle_cases), 'tle cases,', len(vallado), 'vallado,', len(iss_omm), 'iss omm', file=sys.stderr)

main()

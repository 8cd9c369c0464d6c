#!/usr/bin/python3
"""Reformat the NRLMSISE-00 coefficient transcription into TypeScript data modules.

Source of the numbers: BLOCK DATA GTD7BK of the NRLMSISE-00 model (Picone, Hedin & Drob, NRL 2001), as
distributed in Dominik Brodowski's public-domain C port, release 20041227, file `nrlmsise-00_data.c`
(read from github.com/milk-org/AtmosphereModel, commit 26b981ea1d1fedf12220ebe97697ba7cf9d26bbf).

`tools/nrlmsise00-coefficients.txt` holds the arrays in the C file's order, one `@name count` header per
array, the numbers as printed (zeros written `0`), and `~N` meaning "pad with zeros up to index N" where
the C file has a long run of zeros. This script checks every array's length and writes
packages/astro/src/atmosphere/nrlmsise00/data-*.ts. The 17 reference cases of the C test driver
(packages/astro/src/atmosphere/nrlmsise00/nrlmsise00.test.ts) verify the transcription.

Usage: /usr/bin/python3 tools/nrlmsise00-transcribe.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'packages', 'astro', 'src', 'atmosphere', 'nrlmsise00')


def parse(text):
    arrays, order, cur = {}, [], None
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith('@'):
            name, n = line[1:].split()
            cur = name
            arrays[name] = (int(n), [])
            order.append(name)
            continue
        for tok in line.split():
            n, a = arrays[cur]
            if tok.startswith('~'):
                k = int(tok[1:])
                assert k >= len(a), (cur, k, len(a))
                a.extend(['0'] * (k - len(a)))
            else:
                float(tok)
                a.append(tok)
    for name in order:
        n, a = arrays[name]
        assert len(a) == n, f'{name}: {len(a)} values, expected {n}'
    return {k: v[1] for k, v in arrays.items()}


def fmt(values, indent='  ', per_line=10):
    lines = []
    for i in range(0, len(values), per_line):
        lines.append(indent + ', '.join(values[i:i + per_line]) + ',')
    return '\n'.join(lines)


HEADER = """/**
 * NRLMSISE-00 coefficients ({what}) — published model data of Picone, Hedin & Drob (NRL, 2001;
 * Picone et al. 2002, JGR 107(A12) 1468), BLOCK DATA GTD7BK, transcribed from Dominik Brodowski's
 * public-domain C port (release 20041227, `nrlmsise-00_data.c`) by tools/nrlmsise00-transcribe.py.
 * GENERATED — do not edit by hand; regenerate from tools/nrlmsise00-coefficients.txt.
 */
"""


def one(name, vals, doc):
    return f'/** {doc} */\nexport const {name}: readonly number[] = [\n{fmt(vals)}\n];\n'


def nested(name, rows, doc):
    body = '\n'.join(f'  [ // {label}\n{fmt(v, "    ")}\n  ],' for label, v in rows)
    return f'/** {doc} */\nexport const {name}: readonly (readonly number[])[] = [\n{body}\n];\n'


def main():
    a = parse(open(os.path.join(HERE, 'nrlmsise00-coefficients.txt')).read())
    dens = HEADER.format(what='species densities, PD') + nested('PD', [
        ('He', a['pd_he']), ('O', a['pd_o']), ('N2', a['pd_n2']), ('TLB', a['pd_tlb']), ('O2', a['pd_o2']),
        ('Ar', a['pd_ar']), ('H', a['pd_h']), ('N', a['pd_n']), ('anomalous O', a['pd_hoto'])],
        'PD[9][150]: He, O, N2, TLB, O2, Ar, H, N, anomalous-O density parameters.')
    temp = HEADER.format(what='temperature, gradient, turbopause and lower-boundary parameters')
    temp += one('PT', a['pt'], 'PT[150]: exospheric temperature parameters.')
    temp += one('PS', a['ps'], 'PS[150]: temperature-gradient (S) parameters.')
    temp += nested('PDL', [('pdl 0', a['pdl0']), ('pdl 1', a['pdl1'])], 'PDL[2][25]: turbopause parameters.')
    temp += one('PTM', a['ptm'], 'PTM[10]: lower-boundary parameters.')
    temp += nested('PDM', [(f'pdm {i}', a[f'pdm{i}']) for i in range(8)], 'PDM[8][10]: species lower-boundary parameters.')
    temp += one('PAVGM', a['pavgm'], 'PAVGM[10]: middle-atmosphere averages.')
    lower = HEADER.format(what='lower thermosphere and middle atmosphere, PTL and PMA')
    lower += nested('PTL', [('TN1(2)', a['ptl0']), ('TN1(3)', a['ptl1']), ('TN1(4)', a['ptl2']), ('TN1(5) TN2(1)', a['ptl3'])],
                    'PTL[4][100]: lower-thermosphere temperature nodes.')
    labels = ['TN2(2)', 'TN2(3)', 'TN2(4) TN3(1)', 'TN3(2)', 'TN3(3)', 'TN3(4)', 'TN3(5) TSL', 'TGN3(2) TSLG',
              'TGN2(1) TGN1(2)', 'TGN3(1) TGN2(2)']
    lower += nested('PMA', [(labels[i], a[f'pma{i}']) for i in range(10)], 'PMA[10][100]: middle-atmosphere temperature nodes.')
    for fname, text in (('data-density.ts', dens), ('data-temperature.ts', temp), ('data-lower.ts', lower)):
        with open(os.path.join(OUT, fname), 'w') as f:
            f.write(text)
    print('wrote', OUT)


if __name__ == '__main__':
    main()

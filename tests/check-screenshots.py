#!/usr/bin/env python3
"""Every screenshot the metainfo names is in data/screenshots/, a PNG of the
size it declares, with a caption."""
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

source_root = Path(sys.argv[1])
metainfo = source_root / 'data' / 'io.github.casebook.Casebook.metainfo.xml.in'
root = ET.parse(metainfo).getroot()
homepage = root.findtext("url[@type='homepage']")
prefix = homepage + '/raw/main/'
problems = []
shots = root.findall('screenshots/screenshot')
if not shots:
    problems.append('the metainfo has no screenshots')
for shot in shots:
    if not (shot.findtext('caption') or '').strip():
        problems.append('a screenshot has no caption')
    for image in shot.findall('image'):
        url = image.text.strip()
        if not url.startswith(prefix):
            problems.append(f'{url} is not under {prefix}')
            continue
        path = source_root / url[len(prefix):]
        if not path.is_file():
            problems.append(f'{url}: {path} is missing')
            continue
        head = path.read_bytes()[:24]
        if head[:8] != b'\x89PNG\r\n\x1a\n':
            problems.append(f'{path} is not a PNG')
            continue
        width, height = struct.unpack('>II', head[16:24])
        declared = (int(image.get('width', 0)), int(image.get('height', 0)))
        if (width, height) != declared:
            problems.append(f'{path} is {width}×{height}, the metainfo says {declared[0]}×{declared[1]}')
for p in problems:
    print(p)
print(f'{len(shots)} screenshots checked')
sys.exit(1 if problems else 0)

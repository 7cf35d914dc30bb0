#!/usr/bin/env python3
"""Fails when po/POTFILES.in misses a file with translatable strings, or
lists a file that does not exist.

Translatable: C sources calling _(), N_(), C_(), NC_() or ngettext(); UI
files with translatable="yes"; the desktop file, metainfo and GSettings
schema templates in data/.
usage: check-potfiles.py SOURCE_ROOT
"""
import pathlib
import re
import sys

C_MARK = re.compile(r'(?<![A-Za-z0-9_])(N?C?_|g_dngettext|ngettext|g_dpgettext2)\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*"yes"')


def translatable_files(root):
    found = set()
    for path in root.glob("src/**/*.c"):
        if C_MARK.search(path.read_text(encoding="utf-8")):
            found.add(path.relative_to(root).as_posix())
    for path in root.glob("ui/*.ui"):
        if UI_MARK.search(path.read_text(encoding="utf-8")):
            found.add(path.relative_to(root).as_posix())
    for pattern in ("data/*.desktop.in", "data/*.metainfo.xml.in", "data/*.gschema.xml"):
        for path in root.glob(pattern):
            found.add(path.relative_to(root).as_posix())
    return found


def listed_files(root):
    listed = set()
    for line in (root / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)
    return listed


def main():
    root = pathlib.Path(sys.argv[1])
    needed = translatable_files(root)
    listed = listed_files(root)
    status = 0
    for name in sorted(needed - listed):
        print(f"po/POTFILES.in: missing {name} (it has translatable strings)")
        status = 1
    for name in sorted(listed):
        if not (root / name).is_file():
            print(f"po/POTFILES.in: lists {name}, which does not exist")
            status = 1
    if not needed:
        print("found no translatable file at all: wrong source root?")
        status = 1
    if status == 0:
        print(f"po/POTFILES.in lists all {len(needed)} files with translatable strings")
    return status


if __name__ == "__main__":
    sys.exit(main())

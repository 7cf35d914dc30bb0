#!/usr/bin/env python3
"""Checks a translation against the sources: regenerates the template with
xgettext (the keywords and flags of meson's "glib" preset, as po/meson.build
uses) and fails when LANG.po misses a message, has a fuzzy one, or
`msgfmt --check` finds an error.  Lists the missing msgids, so whoever
translates next knows what to add.

usage: check-translation.py SOURCE_ROOT LANG"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def entries(po_text):
    """The entries of a PO file's text, without the header."""
    blocks = [b for b in po_text.strip().split('\n\n') if b.strip()]
    return [b for b in blocks if 'msgid ""\nmsgstr ""' not in b.replace('#, fuzzy\n', '')
            or 'msgctxt' in b]


def cdata_strings(source_root, potfiles):
    """Translatable strings inside CDATA (list item templates) of .ui files:
    xgettext does not see them, so a C file must mark them with N_()."""
    found = []
    for name in potfiles:
        if not name.endswith('.ui'):
            continue
        text = (source_root / name).read_text()
        for block in re.findall(r'<!\[CDATA\[(.*?)\]\]>', text, re.S):
            for attrs, msgid in re.findall(r'<property ([^>]*translatable="yes"[^>]*)>([^<]*)<', block):
                ctx = re.search(r'context="([^"]*)"', attrs)
                found.append((name, ctx.group(1) if ctx else None, msgid))
    return found


def template_has(pot_text, ctx, msgid):
    def po_quote(s):
        return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
    needle = ('msgctxt ' + po_quote(ctx) + '\n' if ctx else '') + 'msgid ' + po_quote(msgid) + '\n'
    return needle in pot_text


def main():
    source_root = Path(sys.argv[1])
    lang = sys.argv[2]
    po_dir = source_root / 'po'
    po_file = po_dir / f'{lang}.po'
    problems = []

    linguas = (po_dir / 'LINGUAS').read_text().split()
    if lang not in linguas:
        problems.append(f'{lang} is not in po/LINGUAS')
    if not po_file.is_file():
        print(f'{po_file} is missing')
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / 'casebook.pot'
        result = run(['xgettext', '--package-name=casebook', '-D', str(source_root),
                      '-f', str(po_dir / 'POTFILES.in'), '-o', str(pot)] + GLIB_PRESET)
        if result.returncode != 0:
            print('xgettext failed:\n' + result.stderr)
            return 1

        merged = Path(tmp) / 'merged.po'
        result = run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', str(merged),
                      str(po_file), str(pot)])
        if result.returncode != 0:
            print('msgmerge failed:\n' + result.stderr)
            return 1

        missing = entries(run(['msgattrib', '--untranslated', '--no-obsolete', '--no-location',
                               str(merged)]).stdout)
        fuzzy = entries(run(['msgattrib', '--only-fuzzy', '--no-obsolete', '--no-location',
                             str(po_file)]).stdout)
        check = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, str(po_file)])
        pot_text = pot.read_text()
        n_template = len(entries(pot_text))

    potfiles = [l.strip() for l in (po_dir / 'POTFILES.in').read_text().splitlines()
                if l.strip() and not l.startswith('#')]
    for name, ctx, msgid in cdata_strings(source_root, potfiles):
        if not template_has(pot_text, ctx, msgid):
            problems.append(f'{name}: "{msgid}" is in a CDATA template, which xgettext cannot '
                            'read; mark it with N_() in a C file too')

    if missing:
        problems.append(f'{len(missing)} of {n_template} messages are not translated in '
                        f'po/{lang}.po:\n\n' + '\n\n'.join(missing))
    if fuzzy:
        problems.append(f'{len(fuzzy)} messages are fuzzy in po/{lang}.po:\n\n' + '\n\n'.join(fuzzy))
    if check.returncode != 0:
        problems.append('msgfmt --check failed:\n' + check.stderr)

    for p in problems:
        print(p + '\n')
    print(f'{lang}: {n_template} messages in the template; ' + check.stderr.strip())
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())

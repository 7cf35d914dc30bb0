#!/usr/bin/env python3
"""Counts test cases in meson's testlog.json files and prints "N passed, N failed".

TAP programs count one per "ok"/"not ok" line; a TAP program that failed
without a "not ok" line (a crash, a timeout) counts one failure more.  Other
tests count one each.  Skipped cases count as failed: a skipped check proves
nothing.  Exits 1 when anything failed or nothing ran.
"""
import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")


def count(path):
    passed = failed = 0
    with open(path, encoding="utf-8") as log:
        for line in log:
            if not line.strip():
                continue
            test = json.loads(line)
            ok = test.get("result") in ("OK", "EXPECTEDFAIL")
            # meson 1.0 does not record the protocol: a TAP plan line or a
            # --tap argument tells.
            stdout = test.get("stdout") or ""
            is_tap = (test.get("protocol") == "tap"
                      or "--tap" in (test.get("command") or [])
                      or re.search(r"^1\.\.\d+", stdout, re.M) is not None)
            if is_tap:
                p = f = 0
                for tap in stdout.splitlines():
                    m = TAP_LINE.match(tap.strip())
                    if not m:
                        continue
                    skipped = "# SKIP" in m.group(2).upper()
                    if m.group(1) == "ok" and not skipped:
                        p += 1
                    else:
                        f += 1
                if not ok and f == 0:
                    f = 1
                if ok and p + f == 0:
                    f = 1  # a TAP program that ran no case proves nothing
                passed += p
                failed += f
            elif ok:
                passed += 1
            else:
                failed += 1
    return passed, failed


def main():
    passed = failed = 0
    for path in sys.argv[1:]:
        p, f = count(path)
        passed += p
        failed += f
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())

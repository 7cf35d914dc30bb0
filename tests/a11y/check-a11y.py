#!/usr/bin/python3
"""The window as a screen reader sees it: every control has a name, list rows
can be read, and the chronology list can be reached by pressing its tab.

usage: check-a11y.py APP_NAME   (run by check-a11y.sh on a private AT-SPI bus)
"""
import sys
import time

import pyatspi

# Roles a user operates: each needs a name of its own.
CONTROLS = {
    "push button", "toggle button", "check box", "radio button", "page tab",
    "entry", "text", "list", "combo box", "spin button", "slider", "progress bar",
    "menu item", "link",
}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def find_app(name, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == name and app.childCount > 0:
                return app
        time.sleep(0.3)
    return None


def walk(node, path=()):
    try:
        role = node.getRoleName()
        name = node.name or ""
    except Exception:
        return
    yield node, role, name, path
    for child in node:
        if child is not None:
            yield from walk(child, path + ((role, name),))


def texts_below(node):
    """The label texts a screen reader reads for a row."""
    found = []
    for child, role, name, _ in walk(node):
        if role == "label" and name.strip():
            found.append(name)
    return found


def named(node, role, name):
    for child, r, n, _ in walk(node):
        if r == role and n == name:
            return child
    return None


def selected(node):
    return node.getState().contains(pyatspi.STATE_SELECTED)


def wait_for(predicate, what, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    fail("timed out waiting for " + what)
    return False


def main():
    app = find_app(sys.argv[1])
    if app is None:
        fail("the application never showed up on the accessibility bus")
        return

    # The samples are imported in the background: wait for the case files.
    def cases_listed():
        cases = named(app, "list", "Case files")
        return cases is not None and cases.childCount >= 5

    if not wait_for(cases_listed, "the sample case files"):
        return

    controls = 0
    for node, role, name, path in walk(app):
        if role not in CONTROLS:
            continue
        controls += 1
        where = " > ".join(n or r for r, n in path[-3:])
        # GTK 4.8 reports the class name of a widget that has no name.
        if not name.strip() or name.startswith(("Gtk", "Cb")):
            fail("%s without a name (in %s)" % (role, where))
        elif name.startswith("_"):
            fail("%s named with its mnemonic: %r (in %s)" % (role, name, where))
        elif len(name.split()) >= 2 and name.split()[: len(name.split()) // 2] == name.split()[len(name.split()) // 2:]:
            fail("%s named twice over: %r (in %s)" % (role, name, where))
    if controls < 10:
        fail("only %d controls found: the tree is not the window's" % controls)

    # A list's rows have no name of their own in GTK 4.8: what they say is
    # in their labels, and every row must say something.
    for title in ("Case files", "Excerpts"):
        lst = named(app, "list", title)
        if lst is None:
            fail("no list named %r" % title)
            continue
        for i, row in enumerate(lst):
            if row is not None and row.getRoleName() == "list item" and not texts_below(row):
                fail("row %d of %r has nothing to read" % (i, title))

    # The chronology list is one press away from the drawn timeline.
    tab = named(app, "page tab", "List")
    if tab is None:
        fail("no page tab named 'List' for the chronology")
    else:
        action = tab.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "activate", "press"):
                action.doAction(i)
                break
        else:
            fail("the 'List' tab has no action to press")

        def list_tab_selected():
            timeline_tab = named(app, "page tab", "Timeline")
            return selected(tab) and timeline_tab is not None and not selected(timeline_tab)

        if wait_for(list_tab_selected, "the 'List' tab to be the selected one after pressing it"):
            lst = named(app, "list", "Timeline of events")
            rows = [row for row in lst if row is not None and row.getRoleName() == "list item"]
            if not rows or not texts_below(rows[0]):
                fail("the chronology's first row has nothing to read")

    print("%d controls checked, %d problems" % (controls, len(failures)))


main()
sys.exit(1 if failures else 0)

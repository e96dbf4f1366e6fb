"""A headless LibreOffice for the sample scripts (``lo_fill.py``, ``save_with_password.py``).

Run with the system Python that has LibreOffice's bindings (Debian: python3-uno). The office
gets its own profile folder and a pipe named after the script, so two scripts never share one.
"""

import contextlib
import os
import shutil
import subprocess
import time

import uno
from com.sun.star.beans import PropertyValue


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


@contextlib.contextmanager
def office(profile, name):
    """LibreOffice's desktop, started headless with ``profile``; terminated at the end."""
    os.makedirs(profile, exist_ok=True)
    pipe = f"formgen_{name}_{os.getpid()}"
    proc = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ]
    )
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        yield desktop
    finally:
        if desktop is not None:
            with contextlib.suppress(Exception):  # it may already have gone
                desktop.terminate()
        proc.wait(timeout=60)


def open_copy(desktop, path, profile):
    """Open a copy of ``path`` in the profile folder, hidden: a lock file left beside the
    original by a crashed office would block loading it."""
    copy = os.path.join(profile, "form-" + os.path.basename(path))
    shutil.copyfile(path, copy)
    for _ in range(5):  # a freshly started office sometimes returns no document at first
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(copy)), "_blank", 0, (pv("Hidden", True),)
        )
        if doc is not None:
            return doc
        time.sleep(2)
    raise SystemExit(f"LibreOffice could not open {copy}")

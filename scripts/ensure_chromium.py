"""Make sure headless Chromium is there for the report's browser test.

    python3 scripts/ensure_chromium.py

Run by `make test`: on a fresh Debian machine as root it installs the Debian
package `chromium` (and the DejaVu fonts the report names); elsewhere it says
what to install and fails, so that the browser test is never skipped silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

NAMES = ("chromium", "chromium-browser", "google-chrome")
PACKAGES = ["chromium", "fonts-dejavu-core"]


def main() -> int:
    found = next((shutil.which(name) for name in NAMES if shutil.which(name)), None)
    if found:
        print(f"Chromium: {found}")
        return 0
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print(
            "Chromium is missing: install the Debian package `chromium` "
            "(as root: apt-get install -y chromium).",
            file=sys.stderr,
        )
        return 1
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *PACKAGES], check=True, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())

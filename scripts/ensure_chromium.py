"""Make sure headless Chromium and npm are there for the report's browser tests.

    python3 scripts/ensure_chromium.py

Run by `make test` (target `browser`, which then installs axe-core with `npm ci`): on a
fresh Debian machine as root it installs the Debian packages `chromium` (and the DejaVu
fonts the report names) and `npm`; elsewhere it says what to install and fails, so that
the browser tests are never skipped silently.
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
    missing = ([] if found else PACKAGES) + ([] if shutil.which("npm") else ["npm"])
    if found:
        print(f"Chromium: {found}")
    if not missing:
        return 0
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print(
            f"Missing for the browser tests: install the Debian packages {' '.join(missing)} "
            f"(as root: apt-get install -y {' '.join(missing)}).",
            file=sys.stderr,
        )
        return 1
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())

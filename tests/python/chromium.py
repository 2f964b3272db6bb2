"""Headless Chromium driven over the DevTools protocol on a pipe, for the report test.

`--remote-debugging-pipe` makes Chromium read commands on fd 3 and write
replies and events on fd 4, as NUL-terminated JSON: no port, no extra
package. Console errors, uncaught exceptions and failed loads are collected
from the events so that the test can require none.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--remote-debugging-pipe",
]


def executable() -> str:
    """Chromium's path; `make browser` (run by `make test`) installs it when missing."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("Chromium introuvable : lancer `make browser` (apt-get install chromium)")


def _child_fds(read_end: int, write_end: int):
    def setup() -> None:
        commands, replies = os.dup(read_end), os.dup(write_end)
        os.dup2(commands, 3)
        os.dup2(replies, 4)

    return setup


class Browser:
    def __init__(self, width: int = 1400, height: int = 1000) -> None:
        self.profile = tempfile.TemporaryDirectory(prefix="chromium-")
        to_child_read, self._to_child = os.pipe()
        self._from_child, from_child_write = os.pipe()
        self.process = subprocess.Popen(
            [executable(), *FLAGS, f"--user-data-dir={self.profile.name}", "about:blank"],
            preexec_fn=_child_fds(to_child_read, from_child_write),
            pass_fds=(3, 4),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child_read)
        os.close(from_child_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def _read_message(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium a fermé le canal DevTools")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: bool = False, **params) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _wait_for(self, method: str) -> dict[str, Any]:
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        while True:
            event = self._read_message()
            if event.get("method") == method:
                return event
            self.events.append(event)

    def open(self, path: Path) -> None:
        self.events.clear()
        self.call("Page.navigate", session=True, url=path.resolve().as_uri())
        self._wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        return result["result"].get("value")

    def wait_for_text(self, text: str, seconds: float = 15) -> bool:
        """Whether the page shows `text` within `seconds` (pages that render with scripts)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if text in (self.evaluate("document.body ? document.body.innerText : ''") or ""):
                return True
            time.sleep(0.2)
        return False

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions and failed requests since the last `open`."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(f"console: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails')}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(f"log: {params['entry'].get('text')} {params['entry'].get('url')}")
            elif method == "Network.loadingFailed":
                found.append(f"request failed: {params.get('errorText')}")
        return found

    def screenshot(self, path: Path) -> None:
        shot = self.call(
            "Page.captureScreenshot", session=True, format="png", captureBeyondViewport=True
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass
        self.process.wait(timeout=20)
        os.close(self._to_child)
        os.close(self._from_child)
        self.profile.cleanup()

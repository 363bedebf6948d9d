"""Headless Chromium for the browser tests: screenshots and DOM dumps, and a DevTools session.

Chromium runs as the tests' brief asks: headless, sandbox and GPU off, no first-run, background
networking, component updates or sync, and each run in a new empty profile, so it fetches
nothing and leaves nothing behind. ``shot`` and ``dump_dom`` use Chromium's own command-line
switches; ``DevTools`` speaks the DevTools protocol over a WebSocket on loopback for what those
cannot do (pressing Tab, hovering, reading layout boxes and computed styles).
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]
INSTALL_HINT = ("Debian's chromium is not installed: `make test` installs it when run as root "
                "(apt-get install chromium fonts-noto-ui-core fonts-dejavu-core)")


def find() -> str | None:
    """The Chromium binary (``QAWL_CHROMIUM`` overrides), or None."""
    return os.environ.get("QAWL_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def _run(binary: str, switches: list[str], size: tuple[int, int], timeout: float = 120) -> str:
    with tempfile.TemporaryDirectory(prefix="qawl-chromium-", ignore_cleanup_errors=True) as profile:
        done = subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}",
                               f"--window-size={size[0]},{size[1]}", *switches],
                              capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if done.returncode:
        raise RuntimeError(f"chromium exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout


def shot(binary: str, page: Path, png: Path, size: tuple[int, int] = (1200, 900)):
    """A screenshot of ``page`` at ``size`` written to ``png``; returns it as a Pillow RGB image."""
    from PIL import Image

    _run(binary, [f"--screenshot={png}", page.resolve().as_uri()], size)
    return Image.open(png).convert("RGB")


def dump_dom(binary: str, page: Path, size: tuple[int, int] = (1200, 900)) -> str:
    """The DOM of ``page`` after Chromium loaded it, serialised."""
    return _run(binary, ["--dump-dom", page.resolve().as_uri()], size)


class DevTools:
    """A Chromium driven over the DevTools protocol; use as a context manager."""

    def __init__(self, binary: str, size: tuple[int, int] = (1200, 900)) -> None:
        self.binary, self.size = binary, size
        self._next_id = 0

    def __enter__(self) -> "DevTools":
        import websocket

        self._profile = tempfile.TemporaryDirectory(prefix="qawl-chromium-", ignore_cleanup_errors=True)
        self._process = subprocess.Popen(
            [self.binary, *FLAGS, f"--user-data-dir={self._profile.name}",
             f"--window-size={self.size[0]},{self.size[1]}", "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self._profile.name) / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().count("\n") >= 1):
            if time.monotonic() > deadline or self._process.poll() is not None:
                self.__exit__()
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            page = next(t for t in json.load(answer) if t["type"] == "page")
        self._socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30,
                                                   suppress_origin=True)
        self.call("Emulation.setDeviceMetricsOverride", width=self.size[0], height=self.size[1],
                  deviceScaleFactor=1, mobile=False)
        return self

    def __exit__(self, *exc) -> None:
        if getattr(self, "_socket", None):
            self._socket.close()
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._profile.cleanup()

    def call(self, method: str, **params) -> dict:
        """Send one command and return its result (events that arrive meanwhile are dropped)."""
        self._next_id += 1
        self._socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def open(self, page: Path) -> None:
        """Load ``page`` and wait until it has loaded."""
        url = page.resolve().as_uri()
        self.call("Page.navigate", url=url)
        # A load event may still be the blank start page's, so wait for this page's document.
        deadline = time.monotonic() + 60
        while self.js("document.readyState === 'complete' ? location.href : ''") != url:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not load")
            time.sleep(0.05)

    def js(self, expression: str):
        """The value of a JavaScript expression in the page (DevTools is not bound by the page's CSP)."""
        answer = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def press_tab(self) -> None:
        """Press and release the Tab key, as a keyboard user moves focus."""
        key = {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9, "nativeVirtualKeyCode": 9}
        self.call("Input.dispatchKeyEvent", type="keyDown", **key)
        self.call("Input.dispatchKeyEvent", type="keyUp", **key)

    def hover(self, x: float, y: float) -> None:
        """Move the mouse pointer to viewport point (x, y)."""
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def screenshot(self):
        """The viewport as a Pillow RGB image."""
        from PIL import Image

        data = self.call("Page.captureScreenshot", format="png")["data"]
        return Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")

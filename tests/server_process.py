"""A web server the tests start as a foreground process of their own, waited for and stopped the same way
whichever server it is (tests/nginx.py, tests/apache.py)."""

import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RunningServer:
    """A server on 127.0.0.1:`port`, its logs in the folder `run`."""

    def __init__(self, run, port):
        self.run, self.port = Path(run), port

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.port}"

    def log(self, name):
        path = self.run / name
        return path.read_text(errors="replace") if path.exists() else ""

    def error_log(self):
        return self.log("error.log")


@contextmanager
def server_process(command, origin, failed, error_log):
    """The server `command` starts, answering on `origin`, until the block ends. When it stops or never
    answers, `failed(message)` is raised, the message ending with `error_log()`."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_until_it_answers(process, origin, failed, error_log)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_it_answers(process, origin, failed, error_log):
    name = process.args[0].rsplit("/", 1)[-1]
    for _ in range(200):
        if process.poll() is not None:
            raise failed(f"{name} stopped (status {process.returncode}):\n{process.stderr.read()}\n{error_log()}")
        try:
            urllib.request.urlopen(f"{origin}/", timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # it answers, whatever the site has at its root
        except OSError:
            time.sleep(0.05)
    raise failed(f"{name} did not answer on {origin}:\n{error_log()}")

"""Debian's nginx serving a built site on 127.0.0.1, as a live host would, with an include of the site's in its
`server {}` block: a foreground process of the test's own, its pid, logs and temporary files in a folder of
its own, so that it needs no privilege and leaves nothing behind (as root, it stays root: a worker dropping to
`nobody` could not read the test's folders)."""

import os
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from server_process import RunningServer, free_port, server_process  # noqa: F401 - free_port for the tests

NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")

CONFIGURATION = """\
daemon off;
master_process off;
pid {run}/nginx.pid;
error_log {run}/error.log info;
events {{ worker_connections 256; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/css text/plain text/xml application/javascript application/json application/atom+xml application/rss+xml image/svg+xml;
    access_log {run}/access.log;
{temp_paths}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        index index.html;
        # a static site: a file, or the index.html of the folder an address names, or the site's 404 page
        try_files $uri $uri/index.html =404;
        error_page 404 /404.html;
{include}
    }}
}}
"""


class NginxFailed(RuntimeError):
    """nginx stopped or never answered; the message holds its error log."""


class Nginx(RunningServer):
    def access_log(self):
        return self.log("access.log")


def configuration(root, include, port, run):
    temp_paths = "\n".join(f"    {name}_temp_path {run}/{name};" for name in TEMP_PATHS)
    return CONFIGURATION.format(
        run=run, mime_types=MIME_TYPES, temp_paths=temp_paths, port=port, root=Path(root).resolve(),
        include=f"        include {Path(include).resolve()};" if include else "",
    )


@contextmanager
def nginx_serving(root, include=None, port=None):
    """An Nginx serving the folder `root` with `include` (a file of nginx directives) in its server block,
    until the block ends; NginxFailed, with its error log, when it does not start."""
    if not os.path.exists(NGINX):
        raise NginxFailed(f"{NGINX} is missing: install Debian's nginx package (apt-get install nginx)")
    with tempfile.TemporaryDirectory(prefix="nginx-") as run:
        port = port or free_port()
        server = Nginx(run, port)
        config = Path(run) / "nginx.conf"
        config.write_text(configuration(root, include, port, run))
        test = subprocess.run([NGINX, "-t", "-p", run, "-e", f"{run}/error.log", "-c", str(config)], capture_output=True, text=True)
        if test.returncode != 0:
            raise NginxFailed(f"nginx refused its configuration:\n{test.stderr}\n{config.read_text()}")
        with server_process([NGINX, "-p", run, "-e", f"{run}/error.log", "-c", str(config)], server.origin, NginxFailed, server.error_log):
            yield server

"""Debian's Apache serving a built site on 127.0.0.1, reading the site's `.htaccess` as a shared host does:
one foreground process (`-X`) of the test's own, its pid, logs and lock files in a folder of its own.

As root, Apache will not serve as root: it drops to `nobody`, who cannot read pytest's private folders, so the
site is served from a copy in a folder anyone may read."""

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from server_process import RunningServer, free_port, server_process

APACHE = os.environ.get("APACHE", "/usr/sbin/apache2")
MODULES = Path("/usr/lib/apache2/modules")
# what a shared host has on: files, their types, index pages, .htaccess's Header and RedirectMatch lines
LOADED = ("mpm_prefork", "authz_core", "mime", "dir", "alias", "headers")

CONFIGURATION = """\
ServerRoot {run}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {run}/apache.pid
DefaultRuntimeDir {run}
Mutex file:{run} default
ErrorLog {run}/error.log
LogLevel warn
LogFormat "%r %>s" plain
CustomLog {run}/access.log plain
{modules}
{user}
TypesConfig /etc/mime.types
AddCharset utf-8 .html .css .js .json .xml .txt .svg
DocumentRoot {root}
DirectoryIndex index.html
ErrorDocument 404 /404.html
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {root}>
    Options -Indexes
    # the Header lines of .htaccess need FileInfo; a host gives no more
    AllowOverride FileInfo
    Require all granted
</Directory>
<Files ".ht*">
    Require all denied
</Files>
"""


class ApacheFailed(RuntimeError):
    """Apache stopped or never answered; the message holds its error log."""


def configuration(root, port, run):
    modules = "\n".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so" for name in LOADED)
    user = "User nobody\nGroup nogroup" if os.geteuid() == 0 else ""
    return CONFIGURATION.format(run=run, port=port, root=Path(root).resolve(), modules=modules, user=user)


@contextmanager
def apache_serving(root, port=None):
    """An Apache serving the folder `root`, with the `.htaccess` files in it, until the block ends;
    ApacheFailed, with its error log, when it does not start."""
    if not os.path.exists(APACHE):
        raise ApacheFailed(f"{APACHE} is missing: install Debian's apache2 package (apt-get install apache2)")
    with tempfile.TemporaryDirectory(prefix="apache-") as run:
        os.chmod(run, 0o755)
        site = Path(run) / "site"
        shutil.copytree(root, site)
        for folder, _, _ in os.walk(site):
            os.chmod(folder, 0o755)
        port = port or free_port()
        server = RunningServer(run, port)
        config = Path(run) / "apache.conf"
        config.write_text(configuration(site, port, run))
        test = subprocess.run([APACHE, "-t", "-f", str(config)], capture_output=True, text=True)
        if test.returncode != 0:
            raise ApacheFailed(f"Apache refused its configuration:\n{test.stderr}\n{config.read_text()}")
        with server_process([APACHE, "-X", "-f", str(config)], server.origin, ApacheFailed, server.error_log):
            yield server

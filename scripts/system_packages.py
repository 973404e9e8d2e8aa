"""The Debian packages the tests need, each checked by what it provides (a command, a file).
As root, the missing ones are installed with apt-get; as anyone else, the one command that installs them is
printed, and the status is 2, so that `make test` stops before it sets anything up.

    python3 scripts/system_packages.py [--simulate]

--simulate passes --simulate to apt-get: it shows what it would install and installs nothing.
"""

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

MISSING = 2


@dataclass(frozen=True)
class Package:
    name: str  # Debian's name
    provides: str  # a command on PATH, or an absolute file path
    needed_for: str

    def present(self):
        if os.path.isabs(self.provides):
            return os.path.isfile(self.provides)
        return shutil.which(self.provides) is not None


PACKAGES = (
    Package("gettext", "msgfmt", "checking the UI catalogs"),
    Package("chromium", os.environ.get("CHROMIUM", "/usr/bin/chromium"), "the browser tests (driven by Playwright)"),
    Package("rsync", "rsync", "the deploy tests"),
    Package("openssh-client", "ssh", "the deploy tests (rsync over SSH)"),
    Package("openssh-server", "/usr/sbin/sshd", "the deploy tests (a real sshd on 127.0.0.1)"),
    Package("git", "git", "the deploy tests (ghp-import)"),
    Package("default-jre-headless", "java", "the Nu HTML checker"),
    Package("libxml2-utils", "xmllint", "checking the sitemap against its schema"),
    Package("pngcheck", "pngcheck", "checking the social cards' PNG files"),
    Package("fonts-dejavu-core", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "a system font for Chromium's text"),
    Package("nginx", "/usr/sbin/nginx", "serving the published site with its generated nginx include (browser tests)"),
    Package("apache2", "/usr/sbin/apache2", "serving the published site with its generated .htaccess"),
    Package("nodejs", "node", "axe-core and Lighthouse"),
    Package("npm", "npm", "installing the site checkers (npm ci)"),
)


def missing_packages():
    return [package for package in PACKAGES if not package.present()]


def describe(packages):
    return "\n".join(f"  {p.provides} (Debian's {p.name}), for {p.needed_for}" for p in packages)


def apt_get_install(names, simulate):
    command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *(["--simulate"] if simulate else []), *names]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print("+", " ".join(command), file=sys.stderr, flush=True)
    if subprocess.run(command, env=env, check=False).returncode == 0:
        return True
    if simulate:
        return False
    # tried first without updating: the lists of a fresh machine are empty, and stale ones name old versions
    update = ["apt-get", "update", "-q"]
    print("+", " ".join(update), file=sys.stderr, flush=True)
    subprocess.run(update, env=env, check=False)
    print("+", " ".join(command), file=sys.stderr, flush=True)
    return subprocess.run(command, env=env, check=False).returncode == 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--simulate", action="store_true", help="let apt-get show what it would do, and do nothing")
    options = parser.parse_args(argv)

    missing = missing_packages()
    if not missing:
        return 0
    names = [package.name for package in missing]
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        print(f"The tests need what these packages provide:\n{describe(missing)}", file=sys.stderr)
        print("Install them (on Debian or Ubuntu) with:", file=sys.stderr)
        print("sudo apt-get install " + " ".join(names), file=sys.stderr)
        return MISSING

    print(f"Installing what the tests need:\n{describe(missing)}", file=sys.stderr, flush=True)
    if not apt_get_install(names, options.simulate):
        print("apt-get could not install " + " ".join(names) + "; see its message above.", file=sys.stderr)
        return MISSING
    if options.simulate:
        return 0
    still = missing_packages()
    if still:
        print(f"Installed, yet still not found (is PATH missing a folder?):\n{describe(still)}", file=sys.stderr)
        return MISSING
    return 0


if __name__ == "__main__":
    sys.exit(main())

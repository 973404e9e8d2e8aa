"""The deploy targets of deploy.mk, run with `make` as a user runs them, against real servers started here.

rsync goes over SSH to Debian's sshd on 127.0.0.1 with throwaway keys; ghp-import pushes to a bare git
repository; s3cmd uploads to moto's S3 server on 127.0.0.1, which speaks S3's HTTP API and keeps the bucket
in memory. Most runs use a small fake build, marked as `make publish` marks the site it checked, in a temporary
folder, never output/; the last ones use a real publish, and a real development build written over it.
"""

import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import PUBLISH_SETTINGS, PUBLISHED_SECRET, PUBLISHED_SITEURL, ROOT

from hub.publish_marker import MARKER_NAME, write_marker

SSHD = "/usr/sbin/sshd"

# A small build: nested folders, non-ASCII and spaced names, and bytes that are not text.
SITE = {
    "index.html": b"<!doctype html><title>Reciprocity Hub</title>\n",
    "fr/conseils/donnez-d-abord/index.html": "<p>Donnez d’abord, demandez ensuite.</p>\n".encode(),
    "pl/porady/zażółć-gęślą-jaźń/index.html": "<p>Zażółć gęślą jaźń</p>\n".encode(),
    "fi/vinkit/äiti ja isä/index.html": "<p>Hyvää päivää</p>\n".encode(),
    "theme/css/style.css": b"body { margin: 0 }\n",
    "images/photo.bin": bytes(range(256)) * 16,
}

# Keys the local S3 server takes: any will do, but s3cmd will not start without some.
HOST_FILES = ("_headers", "nginx-headers.conf", "s3-immutable-files.txt")  # deploy.mk's HOST_FILES

S3_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"}

# Settings a developer may have exported must not leak into the runs, nor the flags of an outer `make test`.
LEAKY = ("DEPLOY", "SSH_", "RSYNC_", "GITHUB_", "S3_", "S3CMD_", "AWS_", "GIT_", "MAKE", "MFLAGS")


def environment(home, **extra):
    env = {key: value for key, value in os.environ.items() if not key.startswith(LEAKY)}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", **extra)
    return env


def make(home, *arguments, env=None):
    """Run `make` from the project's root, as a user does, and return the finished process."""
    return subprocess.run(
        ["make", "--no-print-directory", *arguments],
        check=False,
        cwd=ROOT,
        env=environment(home, **(env or {})),
        capture_output=True,
        text=True,
        timeout=60,
    )


def succeeded(process):
    assert process.returncode == 0, f"exit {process.returncode}\n{process.stdout}\n{process.stderr}"
    return process


def write_site(folder, files):
    """A build as `make publish` leaves it: its files, then the marker."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(mode=0o700)  # as private as a folder made by mkdtemp, where `make publish` builds
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    write_marker(folder, PUBLISH_SETTINGS, PUBLISHED_SITEURL)
    return folder


def marker(folder):
    return {MARKER_NAME: (folder / MARKER_NAME).read_bytes()}


def tree(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(server, port, log, name, greeting=None, seconds=30):
    """Wait until the server started as `server` takes connections on 127.0.0.1:`port` (and sends `greeting`
    first, if given); fail with its log if it stops or stays silent."""
    deadline = time.monotonic() + seconds
    while True:
        assert server.poll() is None, f"{name} stopped: {log.read_text()}"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                if greeting is None or sock.recv(len(greeting)).startswith(greeting):
                    return
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{name} did not answer: {log.read_text()}"
        time.sleep(0.05)


def keygen(path):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "", "-f", str(path)], check=True)
    return path


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    """Debian's sshd on 127.0.0.1, on a free port, letting in the current user with a throwaway key."""
    assert Path(SSHD).exists(), f"{SSHD} is missing: apt-get install openssh-server openssh-client rsync"
    folder = tmp_path_factory.mktemp("sshd")
    host_key = keygen(folder / "host_key")
    user_key = keygen(folder / "user_key")
    authorized = folder / "authorized_keys"
    authorized.write_bytes(user_key.with_suffix(".pub").read_bytes())
    port = free_port()
    config = folder / "sshd_config"
    config.write_text(
        f"ListenAddress 127.0.0.1:{port}\n"
        f"HostKey {host_key}\n"
        f"AuthorizedKeysFile {authorized}\n"
        "PidFile none\n"
        "StrictModes no\n"
        "UsePAM no\n"
        "PermitRootLogin prohibit-password\n"
        "PasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\n"
    )
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation folder
    log = folder / "sshd.log"
    with log.open("wb") as stderr:
        server = subprocess.Popen(
            [SSHD, "-D", "-e", "-f", str(config)], stdin=subprocess.DEVNULL, stderr=stderr
        )
    try:
        wait_for(server, port, log, "sshd", greeting=b"SSH-", seconds=10)
        options = (
            f"-F /dev/null -i {user_key} -o IdentitiesOnly=yes -o BatchMode=yes -o ConnectTimeout=5"
            " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
        )
        yield {"port": port, "user": pwd.getpwuid(os.geteuid()).pw_name, "options": options}
    finally:
        server.terminate()
        server.wait(timeout=10)


def rsync_arguments(sshd, output, target, port=None):
    return [
        f"OUTPUT={output}",
        "SSH_HOST=127.0.0.1",
        f"SSH_PORT={port or sshd['port']}",
        f"SSH_USER={sshd['user']}",
        f"SSH_TARGET_DIR={target}",
        f"SSH_OPTS={sshd['options']}",
    ]


def test_rsync_uploads_the_build_and_deletes_what_was_removed(sshd, tmp_path):
    output = write_site(tmp_path / "build", SITE)
    target = tmp_path / "remote" / "www"
    target.parent.mkdir()

    first = succeeded(make(tmp_path, "deploy", "DEPLOY=rsync", *rsync_arguments(sshd, output, target)))
    assert tree(target) == SITE
    assert "Uploading" in first.stdout
    # Readable by the web server, although the build folder was private.
    assert target.stat().st_mode & 0o777 == 0o755
    assert all(path.stat().st_mode & 0o777 == 0o644 for path in target.rglob("*") if path.is_file())

    # Nothing changed: checksums match, so nothing is sent again.
    again = succeeded(make(tmp_path, "rsync_upload", *rsync_arguments(sshd, output, target)))
    assert "<f" not in again.stdout, again.stdout

    changed = dict(SITE)
    del changed["pl/porady/zażółć-gęślą-jaźń/index.html"]
    changed["index.html"] = b"<!doctype html><title>Reciprocity Hub, again</title>\n"
    changed["en/tips/new/index.html"] = b"<p>New</p>\n"
    write_site(output, changed)
    succeeded(make(tmp_path, "rsync_upload", *rsync_arguments(sshd, output, target)))
    assert tree(target) == changed
    assert not (target / "pl/porady/zażółć-gęślą-jaźń").exists()


def test_a_failed_rsync_says_to_run_it_again(sshd, tmp_path):
    output = write_site(tmp_path / "build", SITE)
    closed = free_port()  # nothing listens there
    result = make(tmp_path, "rsync_upload", *rsync_arguments(sshd, output, tmp_path / "www", port=closed))
    assert result.returncode != 0
    assert "the deploy of rsync_upload failed" in result.stderr
    assert "partly updated" in result.stderr
    assert "run the same command again" in result.stderr
    assert not (tmp_path / "www").exists()


def git(*arguments, home, cwd=None):
    return subprocess.run(
        ["git", *arguments], cwd=cwd, env=environment(home), check=True, capture_output=True
    ).stdout


def git_tree(bare, home, branch="gh-pages"):
    names = git("--git-dir", str(bare), "ls-tree", "-r", "-z", "--name-only", branch, home=home)
    return {
        name: git("--git-dir", str(bare), "cat-file", "blob", f"{branch}:{name}", home=home)
        for name in names.decode().split("\0")
        if name
    }


@pytest.fixture
def pages_remote(tmp_path):
    """A bare repository standing in for GitHub, and a throwaway clone that deploys to it."""
    bare = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(bare), home=tmp_path)
    work = tmp_path / "work"
    git("init", "--quiet", str(work), home=tmp_path)
    git("remote", "add", "origin", str(bare), cwd=work, home=tmp_path)
    identify(work, tmp_path)
    return bare, work


def identify(clone, home):
    git("config", "user.name", "Deploy Test", cwd=clone, home=home)
    git("config", "user.email", "deploy@hub.test", cwd=clone, home=home)


def test_github_pushes_the_build_to_the_pages_branch(pages_remote, tmp_path):
    bare, work = pages_remote
    output = write_site(tmp_path / "build", SITE)

    succeeded(make(tmp_path, "deploy", "DEPLOY=github", f"OUTPUT={output}", f"GITHUB_REPO_DIR={work}"))
    assert git_tree(bare, tmp_path) == {**SITE, **marker(output), ".nojekyll": b""}

    # A second deploy, from another clone whose branch is behind, adds a CNAME and the changes on top.
    other = tmp_path / "other"
    git("clone", "--quiet", str(bare), str(other), home=tmp_path)
    identify(other, tmp_path)
    changed = dict(SITE)
    del changed["theme/css/style.css"]
    changed["index.html"] = b"<!doctype html><title>Changed</title>\n"
    write_site(output, changed)
    arguments = [f"OUTPUT={output}", f"GITHUB_REPO_DIR={other}", "GITHUB_CNAME=hub.example.com"]
    succeeded(make(tmp_path, "github", *arguments, "GITHUB_COMMIT_MESSAGE=Publish ’twice’"))
    assert git_tree(bare, tmp_path) == {**changed, **marker(output), ".nojekyll": b"", "CNAME": b"hub.example.com"}
    log = git("--git-dir", str(bare), "log", "--format=%s", "gh-pages", home=tmp_path).decode().splitlines()
    assert log == ["Publish ’twice’", "Publish Reciprocity Hub"]

    # The first clone has not seen that push: the deploy still lands on top of it.
    changed["fr/conseils/index.html"] = b"<p>Conseils</p>\n"
    write_site(output, changed)
    succeeded(make(tmp_path, "github", f"OUTPUT={output}", f"GITHUB_REPO_DIR={work}"))
    assert git_tree(bare, tmp_path) == {**changed, **marker(output), ".nojekyll": b""}
    assert git("--git-dir", str(bare), "rev-list", "--count", "gh-pages", home=tmp_path) == b"3\n"


def test_a_failed_push_says_to_run_it_again(pages_remote, tmp_path):
    _, work = pages_remote
    git("remote", "add", "gone", str(tmp_path / "no-such-remote.git"), cwd=work, home=tmp_path)
    output = write_site(tmp_path / "build", SITE)
    result = make(tmp_path, "github", f"OUTPUT={output}", f"GITHUB_REPO_DIR={work}", "GITHUB_REMOTE=gone")
    assert result.returncode != 0
    assert "the deploy of github failed" in result.stderr
    assert "run the same command again" in result.stderr


def test_github_needs_a_remote_that_exists(pages_remote, tmp_path):
    _, work = pages_remote
    output = write_site(tmp_path / "build", SITE)
    result = make(tmp_path, "github", f"OUTPUT={output}", f"GITHUB_REPO_DIR={work}", "GITHUB_REMOTE=upstream")
    assert result.returncode != 0
    assert "GITHUB_REMOTE=upstream is not a remote" in result.stderr


@pytest.mark.parametrize(
    ("target", "arguments", "missing"),
    [
        ("rsync_upload", ["SSH_TARGET_DIR=/srv/www"], "SSH_HOST"),
        ("rsync_upload", ["SSH_HOST=example.com"], "SSH_TARGET_DIR"),
        ("github", ["GITHUB_PAGES_BRANCH="], "GITHUB_PAGES_BRANCH"),
        ("s3_upload", [], "S3_BUCKET"),
    ],
)
def test_a_missing_setting_is_named(tmp_path, target, arguments, missing):
    output = write_site(tmp_path / "build", SITE)
    result = make(tmp_path, target, f"OUTPUT={output}", *arguments)
    assert result.returncode != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 2  # ours, then make's "Error 2"
    assert f"{missing} is not set" in message
    assert f"export {missing}=" in message
    assert f"make {target} {missing}=" in message


@pytest.mark.parametrize(
    ("target", "arguments"),
    [
        ("rsync_upload", ["SSH_HOST=example.com", "SSH_TARGET_DIR=/srv/www"]),
        ("github", []),
        ("s3_upload", ["S3_BUCKET=hub"]),
    ],
)
def test_nothing_is_uploaded_without_a_build(tmp_path, target, arguments):
    empty = tmp_path / "output"
    empty.mkdir()
    result = make(tmp_path, target, f"OUTPUT={empty}", *arguments)
    assert result.returncode != 0
    assert f"{empty}/index.html does not exist: run make publish first" in result.stderr


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    """moto's S3 server on 127.0.0.1, on a free port, with an empty bucket `hub` for each test."""
    try:
        import boto3
    except ImportError:
        pytest.fail("boto3 is missing: moto[s3] is in requirements.txt, which `make venv` installs")
    folder = tmp_path_factory.mktemp("s3")
    port = free_port()
    log = folder / "moto.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
        )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_for(server, port, log, "moto's server")
        client = boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1",
            aws_access_key_id=S3_CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=S3_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )
        yield {"endpoint": endpoint, "client": client}
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def bucket(s3_server):
    client = s3_server["client"]
    client.create_bucket(Bucket="hub")
    yield s3_server
    for item in client.list_objects_v2(Bucket="hub").get("Contents", []):
        client.delete_object(Bucket="hub", Key=item["Key"])
    client.delete_bucket(Bucket="hub")


def bucket_tree(client):
    """Every object of the bucket `hub`: its key -> (bytes, content type)."""
    found = {}
    for item in client.list_objects_v2(Bucket="hub").get("Contents", []):
        stored = client.get_object(Bucket="hub", Key=item["Key"])
        found[item["Key"]] = (stored["Body"].read(), stored["ContentType"])
    return found


def s3_upload(home, output, bucket):
    settings = [f"OUTPUT={output}", "S3_BUCKET=hub", f"S3_ENDPOINT={bucket['endpoint']}", "S3_REGION=us-east-1"]
    return succeeded(make(home, "deploy", "DEPLOY=s3", *settings, env=S3_CREDENTIALS))


def test_s3_uploads_the_build_and_deletes_what_was_removed(bucket, tmp_path):
    output = write_site(tmp_path / "build", SITE)
    first = s3_upload(tmp_path, output, bucket)
    assert f"Uploading {output}/ to s3://hub/ at {bucket['endpoint']}" in first.stdout
    uploaded = bucket_tree(bucket["client"])
    assert {key: data for key, (data, _) in uploaded.items()} == SITE
    # browsers are told what each file is, from its name
    assert uploaded["fr/conseils/donnez-d-abord/index.html"][1].startswith("text/html")
    assert uploaded["theme/css/style.css"][1].startswith("text/css")

    changed = dict(SITE)
    del changed["images/photo.bin"]
    changed["index.html"] = b"<!doctype html><title>Reciprocity Hub, again</title>\n"
    changed["en/tips/give-first/index.html"] = b"<p>Give first.</p>\n"
    write_site(output, changed)
    second = s3_upload(tmp_path, output, bucket)
    assert {key: data for key, (data, _) in bucket_tree(bucket["client"]).items()} == changed
    # a second upload sends what changed only, and removes what the build no longer has
    sent = sorted(line.split("'")[1] for line in second.stdout.splitlines() if line.startswith("upload:"))
    assert sent == [str(output / "en/tips/give-first/index.html"), str(output / "index.html")]
    assert "delete: 's3://hub/images/photo.bin'" in second.stdout


def test_s3_sends_the_files_named_by_their_content_to_be_kept_a_year_and_the_rest_revalidated(bucket, tmp_path):
    files = {
        **SITE,
        "theme/css/hub.0123456789abcdef.css": b"body { margin: 1px }\n",
        "social-cards/0123456789abcdef0123456789abcdef.png": bytes(64),
        "s3-immutable-files.txt": b"social-cards/*\ntheme/css/hub.0123456789abcdef.css\n",
        "nginx-headers.conf": b"add_header X-Content-Type-Options nosniff always;\n",
        "_headers": b"/*\n  X-Content-Type-Options: nosniff\n",
    }
    output = write_site(tmp_path / "build", files)
    s3_upload(tmp_path, output, bucket)
    client = bucket["client"]
    keys = {item["Key"] for item in client.list_objects_v2(Bucket="hub")["Contents"]}
    assert keys == set(files) - set(HOST_FILES)

    def cache_control(key):
        return client.head_object(Bucket="hub", Key=key).get("CacheControl")

    assert cache_control("theme/css/hub.0123456789abcdef.css") == "public, max-age=31536000, immutable"
    assert cache_control("social-cards/0123456789abcdef0123456789abcdef.png") == "public, max-age=31536000, immutable"
    assert cache_control("index.html") == "no-cache"
    assert cache_control("theme/css/style.css") == "no-cache"

    # a new name for the stylesheet: the old one goes, once the pages are up
    del files["theme/css/hub.0123456789abcdef.css"], files["social-cards/0123456789abcdef0123456789abcdef.png"]
    files["theme/css/hub.fedcba9876543210.css"] = b"body { margin: 2px }\n"
    files["s3-immutable-files.txt"] = b"social-cards/*\ntheme/css/hub.fedcba9876543210.css\n"
    write_site(output, files)
    s3_upload(tmp_path, output, bucket)
    keys = {item["Key"] for item in client.list_objects_v2(Bucket="hub")["Contents"]}
    assert keys == set(files) - set(HOST_FILES)
    assert cache_control("theme/css/hub.fedcba9876543210.css") == "public, max-age=31536000, immutable"


def test_s3_needs_credentials(tmp_path):
    output = write_site(tmp_path / "build", SITE)
    result = make(tmp_path, "deploy", "DEPLOY=s3", f"OUTPUT={output}", "S3_BUCKET=hub")
    assert result.returncode != 0
    assert (
        "make s3_upload: no S3 credentials: export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        in result.stderr
    )


def test_a_failed_s3_upload_says_to_run_it_again(tmp_path):
    output = write_site(tmp_path / "build", SITE)
    endpoint = f"S3_ENDPOINT=http://127.0.0.1:{free_port()}"  # nothing listens there
    result = make(tmp_path, "s3_upload", f"OUTPUT={output}", "S3_BUCKET=hub", endpoint, env=S3_CREDENTIALS)
    assert result.returncode != 0
    assert "the deploy of s3_upload failed" in result.stderr
    assert "run the same command again" in result.stderr


def test_deploy_without_a_target_leaves_the_build_ready(tmp_path):
    result = succeeded(make(tmp_path, "deploy", "DEPLOY="))
    assert result.stdout.strip() == (
        "make deploy: no deploy target set (DEPLOY is empty); output/ is ready. "
        "Set DEPLOY=rsync, github or s3 to upload it."
    )


def test_deploy_rejects_an_unknown_target(tmp_path):
    result = make(tmp_path, "deploy", "DEPLOY=ftp")
    assert result.returncode != 0
    assert "DEPLOY=ftp is not a deploy target" in result.stderr


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The sample site as `make publish` makes it."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from publish import publish

    output = tmp_path_factory.mktemp("published") / "output"
    settings = {"SITEURL": PUBLISHED_SITEURL, "FEED_DOMAIN": PUBLISHED_SITEURL, "FREEBIE_SECRET": PUBLISHED_SECRET}
    return publish(PUBLISH_SETTINGS, output, settings)


@pytest.fixture(scope="module")
def developed(published, tmp_path_factory):
    """The published site, then `make html` into the same folder: a development build, with the public secret."""
    output = tmp_path_factory.mktemp("developed") / "output"
    shutil.copytree(published, output)
    succeeded(make(tmp_path_factory.mktemp("home"), "html", f"OUTPUT={output}"))
    return output


def copy_of(folder, tmp_path):
    copy = tmp_path / "output"
    shutil.copytree(folder, copy)  # with the files' dates
    return copy


def upload(target, tmp_path, output, request):
    """`make <target>` of `output` to a destination of its own; returns the process and what the destination holds."""
    if target == "rsync_upload":
        destination = tmp_path / "www"
        process = make(tmp_path, target, *rsync_arguments(request.getfixturevalue("sshd"), output, destination))
        return process, (lambda: tree(destination) if destination.exists() else {})
    if target == "github":
        bare, work = request.getfixturevalue("pages_remote")
        process = make(tmp_path, target, f"OUTPUT={output}", f"GITHUB_REPO_DIR={work}")
        branches = git("--git-dir", str(bare), "branch", "--list", "gh-pages", home=tmp_path)
        return process, (lambda: git_tree(bare, tmp_path) if branches else {})
    client = request.getfixturevalue("bucket")
    settings = [f"OUTPUT={output}", "S3_BUCKET=hub", f"S3_ENDPOINT={client['endpoint']}", "S3_REGION=us-east-1"]
    process = make(tmp_path, target, *settings, env=S3_CREDENTIALS)
    return process, (lambda: {key: data for key, (data, _) in bucket_tree(client["client"]).items()})


TARGETS = ["rsync_upload", "github", "s3_upload"]


@pytest.mark.parametrize("target", TARGETS)
def test_each_target_uploads_what_make_publish_made(target, published, tmp_path, request):
    output = copy_of(published, tmp_path)
    process, uploaded = upload(target, tmp_path, output, request)
    succeeded(process)
    site = tree(output)
    if target == "github":  # ghp-import takes the whole folder, the marker with it: it holds nothing secret
        assert uploaded() == {**site, ".nojekyll": b""}
    else:  # and the host_headers plugin's files for the hosts, but .htaccess, which Apache reads and never serves
        assert uploaded() == {name: data for name, data in site.items() if name not in (MARKER_NAME, *HOST_FILES)}
        assert ".htaccess" in uploaded()


@pytest.mark.parametrize("target", TARGETS)
def test_each_target_refuses_a_development_build(target, developed, tmp_path, request):
    assert not (developed / MARKER_NAME).exists()
    process, uploaded = upload(target, tmp_path, copy_of(developed, tmp_path), request)
    assert process.returncode != 0
    assert process.stderr.splitlines()[0] == (
        f"make {target}: {tmp_path / 'output'}/ was not made by make publish (a development build, with the "
        "public development secret): run make publish first."
    )
    assert uploaded() == {}


@pytest.mark.parametrize("target", TARGETS)
def test_each_target_refuses_a_publish_written_into_since(target, published, tmp_path, request):
    output = copy_of(published, tmp_path)
    page = output / "en" / "index.html"
    page.write_bytes(page.read_bytes())  # as a plain `pelican` run into output/ writes it again
    marked = (output / MARKER_NAME).stat().st_mtime_ns
    os.utime(page, ns=(marked + 1_000_000, marked + 1_000_000))  # later, however coarse the file system's clock
    process, uploaded = upload(target, tmp_path, output, request)
    assert process.returncode != 0
    assert process.stderr.splitlines()[0] == (
        f"make {target}: {page} was written after make publish made {output}/ (by a development build?): "
        "run make publish again."
    )
    assert uploaded() == {}

"""A development build into an output folder (`make html`): run under the folder's lock, after removing the
publish marker, so that the upload targets refuse what it writes and it never writes during a publish.

    python scripts/dev_build.py OUTPUT -- COMMAND [ARGUMENT...]
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the hub's library, hub/

from hub.output_lock import development_build  # noqa: E402


def main(argv=None):
    arguments = sys.argv[1:] if argv is None else argv
    if len(arguments) < 3 or arguments[1] != "--":
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    output, command = arguments[0], arguments[2:]

    def waiting(holder):
        print(f"{output}/ is being written by {holder}: waiting for it to finish.", file=sys.stderr, flush=True)

    with development_build(output, "a development build (make html)", waiting):
        try:
            return subprocess.run(command, check=False).returncode
        except KeyboardInterrupt:
            return 130


if __name__ == "__main__":
    sys.exit(main())

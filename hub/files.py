"""Writing a file only when its bytes change, so an unchanged file keeps its date and a browser watching it is
not reloaded for nothing."""

import os


def write_if_changed(path, data):
    """Write `data` to `path` unless the file already holds exactly these bytes; True if written."""
    try:
        if os.path.getsize(path) == len(data):
            with open(path, "rb") as existing:
                if existing.read() == data:
                    return False
    except OSError:
        pass  # not there yet
    with open(path, "wb") as output:
        output.write(data)
    return True

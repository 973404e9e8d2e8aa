import os
import subprocess
import sys

import pytest
from parallel_build import memory

PLUGINS = os.path.dirname(os.path.dirname(memory.__file__))

# what a card costs in memory: a fresh image and its bytes, a hundred times; prints the page faults it took
DRAWING = """
import resource, sys
sys.path.insert(0, {plugins!r})
from parallel_build.memory import keep_freed_memory
if sys.argv[1] == "kept":
    assert keep_freed_memory()
from PIL import Image
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(100):
    Image.new("L", (1200, 630), 0).tobytes()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def page_faults(mode):
    code = DRAWING.format(plugins=PLUGINS)
    return int(subprocess.run([sys.executable, "-c", code, mode], capture_output=True, text=True, check=True).stdout)


@pytest.mark.skipif(not memory._glibc(), reason="the C library is not glibc")
def test_freed_memory_is_reused_without_faulting_its_pages_in_again():
    # 100 images of 756 KB and their bytes: about 37,000 pages of 4 KiB if each is mapped afresh
    assert page_faults("default") > 20_000
    assert page_faults("kept") < 5_000


def test_another_c_library_is_left_alone(monkeypatch):
    def no_such_name(name):
        raise ValueError("unrecognized configuration name")

    monkeypatch.setattr(os, "confstr", no_such_name)
    assert memory.keep_freed_memory() is False


# objects in a reference cycle left at exit: Python's last collection finalizes them, unless it skips them
AT_EXIT = """
import sys
sys.path.insert(0, {plugins!r})
from parallel_build.memory import skip_last_collection
if sys.argv[1] == "skipped":
    skip_last_collection()
    skip_last_collection()  # as a dev server does for every build


class Node:
    def __del__(self):
        print("walked")


for _ in range(3):
    node = Node()
    node.itself = node
del node
"""


@pytest.mark.parametrize("mode, walked", [("default", 3), ("skipped", 0)])
def test_the_last_collection_at_exit_leaves_the_builds_objects_alone(mode, walked):
    code = AT_EXIT.format(plugins=PLUGINS)
    said = subprocess.run([sys.executable, "-c", code, mode], capture_output=True, text=True, check=True).stdout
    assert said.split() == ["walked"] * walked

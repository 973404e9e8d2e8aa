"""`python -m translation_status status | mark FILE... | new-tip KEY` (see cli.py)."""

import sys

from .cli import main

sys.exit(main())

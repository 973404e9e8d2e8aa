"""How many cards a build drew and how many it took from the cache."""

from dataclasses import dataclass


@dataclass
class BuildCount:
    drawn: int = 0
    reused: int = 0

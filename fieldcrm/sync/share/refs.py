"""Names for positions in a site's stream, shared by readers, writers and snapshots."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Cursor:
    """How far a reader has applied one site: last seq and the hash of that file.

    The hash is what makes forks visible: the next file must name it as its
    predecessor, so a cursor never needs the old file to be read again.
    """

    seq: int
    hash: str

    def __post_init__(self) -> None:
        if self.seq < 0 or (self.seq == 0) != (self.hash == ""):
            raise ValueError(f"invalid cursor ({self.seq}, {self.hash!r}): seq 0 has no hash, later ones have one")


START = Cursor(0, "")


@dataclass(frozen=True)
class FileRef:
    """A published change file: whose, which, and the hash the next one must chain to."""

    site: str
    seq: int
    hash: str

    @property
    def cursor(self) -> Cursor:
        return Cursor(self.seq, self.hash)

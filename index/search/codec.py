"""How the index's posting lists are laid out on disk: Whoosh's own W3 format, with blocks that
Python reads in C and skips through by halving.

Whoosh's W3 codec pickles every block of 128 postings as a tuple of Python objects (document
numbers as deltas, weights, and each posting's positions), so reading a block costs hundreds
of objects made one by one, the positions included when only the document numbers are asked
for; and ``skip_to`` steps through a block one posting at a time. An AND or a phrase of two
common words on a large handbook reads and steps through thousands of postings that way, and
that was most of its time. Here a block holds its document numbers and weights as raw
arrays (read in one call each) and its positions after them, unpickled only when a phrase or
a highlight asks; ``skip_to`` bisects the block. Everything else (term index, block headers,
per-document columns, scoring) is W3's.

Whoosh pickles the codec into the index's table of contents: this module and its class names
must stay importable, or indexes built with them will not open. An index built with the plain
W3 codec still opens and searches (its blocks are read the old way).
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from pickle import dumps, loads
from typing import Any

from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3LeafMatcher,
    W3PostingsWriter,
)
from whoosh.matching import ReadTooFar
from whoosh.util.numeric import length_to_byte

BLOCK_POSTINGS = 128  # postings a block holds (W3's own default)
_IDS, _WEIGHTS = "I", "f"  # unsigned 32-bit document numbers, 32-bit float weights (as W3)
_SWAP = sys.byteorder != "little"  # blocks are little-endian on disk
_ALL_ONE, _EACH = 0, 1  # how a block's weights are written: all 1.0 (none stored), or each


def _array(typecode: str, data: bytes) -> array[Any]:
    items = array(typecode)
    items.frombytes(data)
    if _SWAP:
        items.byteswap()
    return items


def _raw(items: array[Any]) -> bytes:
    if _SWAP:
        items = array(items.typecode, items)
        items.byteswap()
    return items.tobytes()


class HandbokCodec(W3Codec):  # type: ignore[misc]
    """W3 with array blocks for document postings (``byteids`` vectors stay W3's)."""

    def __init__(self, blocklimit: int = BLOCK_POSTINGS, inlinelimit: int = 1) -> None:
        super().__init__(blocklimit=blocklimit, compression=0, inlinelimit=inlinelimit)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        if byteids:
            return super().postings_writer(dbfile, byteids=True)
        return ArrayPostingsWriter(
            dbfile, blocklimit=self._blocklimit, compression=0, inlinelimit=self._inlinelimit
        )

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None
    ) -> Any:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return ArrayLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


class ArrayPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """Writes a block as: W3's block header, a byte saying how the weights are kept, the
    document numbers, the weights (unless all are 1.0), then the pickled positions."""

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = array(_IDS, self._ids)
        weights = self._weights
        mode = _ALL_ONE if all(w == 1.0 for w in weights) else _EACH
        parts = [bytes((mode,)), _raw(ids)]
        if mode == _EACH:
            parts.append(_raw(array(_WEIGHTS, weights)))
        values = self._mini_values()
        if values is not None:
            parts.append(dumps(values, 2))
        databytes = b"".join(parts)
        infobytes = dumps(
            (
                len(ids),
                ids[-1],
                self._maxweight,
                0,  # never compressed: zlib cost a seventh of the search time
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            2,
        )
        length = len(infobytes) + len(databytes)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class ArrayLeafMatcher(W3LeafMatcher):  # type: ignore[misc]
    """Reads the blocks ``ArrayPostingsWriter`` wrote; the matcher interface is W3's."""

    # Set by W3LeafMatcher as it moves from block to block.
    _i: int
    _ids: Any
    _data: Any

    def _read_data(self) -> None:
        self._data = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        end = 1 + 4 * self._blocklength
        self._ids = _array(_IDS, self._data[1:end])

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        count = self._blocklength
        if self._data[0] == _ALL_ONE:
            self._weights = array(_WEIGHTS, (1.0,)) * count
        else:
            start = 1 + 4 * count
            self._weights = _array(_WEIGHTS, self._data[start : start + 4 * count])

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        count = self._blocklength
        start = 1 + 4 * count * (2 if self._data[0] == _EACH else 1)
        fixedsize = self._fixedsize
        if fixedsize == 0:
            self._values = (None,) * count
            return
        values = loads(self._data[start:])
        if fixedsize is None or fixedsize < 0:
            self._values = values
        else:
            self._values = tuple(
                values[i : i + fixedsize] for i in range(0, len(values), fixedsize)
            )

    def skip_to(self, targetid: int) -> None:
        """The first posting at or after ``targetid``: whole blocks by their last number,
        then a halving search in the block (W3 steps through it one posting at a time)."""
        if self._atend or self._i >= self._blocklength:
            raise ReadTooFar
        if self._ids is None:
            self._read_ids()
        if targetid <= self._ids[self._i]:
            return
        if targetid > self._maxid:
            while not self._atend and targetid > self._maxid:
                self._next_block()
            if self._atend:
                return
            self._read_ids()
            self._i = bisect_left(self._ids, targetid)
            return
        self._i = bisect_left(self._ids, targetid, self._i + 1)

    def all_ids(self) -> Any:
        while not self._atend and self._i < self._blocklength:
            if self._ids is None:
                self._read_ids()
            yield from self._ids[self._i :]
            self._next_block()

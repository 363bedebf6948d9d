"""Convert code-point offsets into UTF-8 byte or UTF-16 code-unit offsets.

The engine counts offsets in Unicode code points (Python ``str`` indices). Clients in other
languages slice strings in other units: Go and Rust by UTF-8 byte, JavaScript, Java and C# by
UTF-16 code unit. This module maps a set of code-point offsets into one of those units in a
single pass over the text, so a 10 MB article with thousands of spans costs one encode, not
one per span. It knows nothing of gRPC; the server picks the unit from the request.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


class Unit(enum.Enum):
    """What an offset counts."""

    CODE_POINT = "code_point"
    UTF8 = "utf8"
    UTF16 = "utf16"


def _width(piece: str, unit: Unit) -> int:
    """The length of ``piece`` in ``unit``."""
    if unit is Unit.UTF8:
        return len(piece.encode("utf-8", "surrogatepass"))
    if unit is Unit.UTF16:
        return len(piece.encode("utf-16-le", "surrogatepass")) // 2
    return len(piece)


def convert_offsets(text: str, offsets: Iterable[int], unit: Unit) -> dict[int, int]:
    """Map each code-point offset into ``text`` to the same position counted in ``unit``.

    Offsets must lie in ``[0, len(text)]``; the result maps every given offset to its
    converted value.
    """
    wanted = sorted(set(offsets))
    if wanted and (wanted[0] < 0 or wanted[-1] > len(text)):
        raise ValueError(f"offset out of range 0..{len(text)}: {wanted[0]}..{wanted[-1]}")
    if unit is Unit.CODE_POINT or text.isascii():
        return {offset: offset for offset in wanted}
    converted: dict[int, int] = {}
    position, total = 0, 0
    for offset in wanted:
        total += _width(text[position:offset], unit)
        position = offset
        converted[offset] = total
    return converted

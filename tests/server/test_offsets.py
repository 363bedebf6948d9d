"""Tests for code-point to UTF-8 / UTF-16 offset conversion."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qawl.server.offsets import Unit, convert_offsets


def test_code_points_are_unchanged():
    text = "قال الوزير 😀"
    end = len(text)
    assert convert_offsets(text, [0, 4, end], Unit.CODE_POINT) == {0: 0, 4: 4, end: end}


def test_ascii_is_the_same_in_every_unit():
    text = "hello world"
    for unit in Unit:
        assert convert_offsets(text, [0, 5, 11], unit) == {0: 0, 5: 5, 11: 11}


def test_arabic_letters_are_two_utf8_bytes_and_one_utf16_unit():
    text = "قال"
    assert convert_offsets(text, [1, 3], Unit.UTF8) == {1: 2, 3: 6}
    assert convert_offsets(text, [1, 3], Unit.UTF16) == {1: 1, 3: 3}


def test_astral_emoji_is_four_utf8_bytes_and_a_utf16_surrogate_pair():
    text = "a😀b"  # U+1F600 lies outside the Basic Multilingual Plane
    assert convert_offsets(text, [0, 1, 2, 3], Unit.UTF8) == {0: 0, 1: 1, 2: 5, 3: 6}
    assert convert_offsets(text, [0, 1, 2, 3], Unit.UTF16) == {0: 0, 1: 1, 2: 3, 3: 4}


def test_astral_cjk_and_math_letters():
    text = "𠀀قال𝐀"  # U+20000 (CJK Extension B) and U+1D400 (mathematical bold A)
    assert convert_offsets(text, [1, 4, 5], Unit.UTF16) == {1: 2, 4: 5, 5: 7}
    assert convert_offsets(text, [1, 4, 5], Unit.UTF8) == {1: 4, 4: 10, 5: 14}


def test_unsorted_and_repeated_offsets_all_map():
    text = "😀قال😀"
    assert convert_offsets(text, [5, 1, 1, 0], Unit.UTF16) == {0: 0, 1: 2, 5: 7}


def test_out_of_range_offsets_are_refused():
    with pytest.raises(ValueError):
        convert_offsets("abc", [4], Unit.UTF8)
    with pytest.raises(ValueError):
        convert_offsets("abc", [-1], Unit.UTF16)


@given(st.text(), st.data())
def test_converted_offsets_slice_the_encoded_text_identically(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    piece = text[start:end]
    encoded8 = text.encode("utf-8", "surrogatepass")
    m8 = convert_offsets(text, [start, end], Unit.UTF8)
    assert encoded8[m8[start]:m8[end]] == piece.encode("utf-8", "surrogatepass")
    encoded16 = text.encode("utf-16-le", "surrogatepass")
    m16 = convert_offsets(text, [start, end], Unit.UTF16)
    assert encoded16[2 * m16[start]:2 * m16[end]] == piece.encode("utf-16-le", "surrogatepass")

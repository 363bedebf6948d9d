"""Articles are read byte-exactly, so server offsets index the file's own text."""

from __future__ import annotations

from qawl.client.articles import read_article, read_articles


def test_crlf_newlines_are_kept(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("سطر\r\nقال\r\n".encode("utf-8"))
    item = read_article(str(path))
    assert item.text == "سطر\r\nقال\r\n" and item.article_id == "a.txt"


def test_unreadable_files_come_back_as_errors(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    results = list(read_articles([str(tmp_path / "none.txt"), str(bad)]))
    assert [type(error).__name__ for _, error in results] == ["FileNotFoundError", "UnicodeDecodeError"]


def test_a_folder_stands_for_its_text_files_in_name_order(tmp_path):
    from qawl.client.articles import expand_paths

    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text("نص", encoding="utf-8")
    (tmp_path / "d.txt").mkdir()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert expand_paths([str(tmp_path), "-", "x.txt", str(empty)]) == [
        str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-", "x.txt", str(empty)]
    [(path, error)] = list(read_articles([str(empty)]))
    assert path == str(empty) and isinstance(error, IsADirectoryError) and "no .txt file" in str(error)

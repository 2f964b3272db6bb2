"""The inventory's line-ending verdict (`streamable`), read in chunks small enough that a
CRLF falls across two of them: every line break must be the header's."""

import pytest

from spaser import delivery


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    # 8 bytes: the header and its line break fit in the first chunk, as in real files.
    monkeypatch.setattr(delivery, "CHUNK_BYTES", 8)


@pytest.mark.parametrize(
    ("content", "streamable"),
    [
        (b"a;b\n1;2\n3;4\n", True),
        (b"a;b\n1;2\r3;4\n", False),  # a stray CR in an LF file
        (b"a;b\r\n1;2\r\n3;4\r\n", True),
        (b"a;b\r\n12;34\r\n5;6\r\n7;8\r\n", True),  # a CR ends a chunk, its LF starts the next
        # ... and the chunk of that LF holds no CR (the last line has no line break)
        (b"a;b\r\n12;34\r\n5;6\r\n7;8;9", True),
        (b"a;b\r\n1;2\r\n3;4\n5;6\r\n", False),  # a bare LF in a CRLF file
        (b"a;b\r\n1;2\r\n3;4\r\n5;6\r", False),  # a lone CR in a CRLF file
        (b"a;b\r1;2\r3;4\r", True),
        (b"a;b\r1;2\r3;4\n", False),  # an LF in a CR file
    ],
)
def test_line_breaks_must_all_be_the_headers(tmp_path, content, streamable):
    path = tmp_path / "factures.csv"
    path.write_bytes(content)
    assert delivery.inspect_file(path)["streamable"] is streamable

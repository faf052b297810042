"""Reading: bytes → decoded text → the copy to check, with a map back to raw offsets,
the publication date the file's metadata gives, and the editor's suppression markers."""

from checker.errors import InputError
from checker.source.read import (
    ARTICLE_SUFFIXES,
    MAX_BYTES,
    Article,
    OffsetMap,
    check_size,
    decode,
    kind_of,
    read_path,
    read_text,
)

__all__ = ["ARTICLE_SUFFIXES", "MAX_BYTES", "Article", "InputError", "OffsetMap", "check_size",
           "decode", "kind_of", "read_path", "read_text"]

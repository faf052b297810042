"""TOML documents read for copydesk (configuration, facts files, Markdown front matter):
every way a document can fail to be read is one line naming the file."""

from __future__ import annotations

import tomllib

from checker.errors import InputError


def parse_toml(data: bytes, name: str, what: str) -> dict:
    """A TOML document, or InputError in one line (bad syntax, not UTF-8, integers of
    thousands of digits, arrays nested thousands deep)."""
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot read {what}: not UTF-8 (byte 0x{data[exc.start]:02x} "
                         f"at offset {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{name}: cannot read {what}: not valid TOML ({exc})") from None
    except RecursionError:
        raise InputError(f"{name}: cannot read {what}: arrays or tables nested too deeply"
                         ) from None
    except ValueError:  # an integer over Python's limit of 4,300 digits
        raise InputError(f"{name}: cannot read {what}: an integer too long to read") from None

"""Bytes → text: size limits, binary detection, encoding detection and Unicode normalisation.

Normalisation happens here, before any offset into the article text exists, so every later offset points
into the final string.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

from storyline.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding=["']([\w.:-]+)""", re.I
)
_SAMPLE = 65_536
_MIN_PRINTABLE = 0.95
_MOSTLY_ASCII = 0.9
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_LINE_SEPARATORS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    warning: str | None = None
    """One line when the text is a guess or was repaired (a guessed encoding, replaced bytes), else None."""


def decode(content: bytes | str, source: str, *, max_bytes: int) -> Decoded:
    """The input as normalised text; raises InputError when it is too large, binary, empty or undecodable."""
    size = _size(content)
    if size > max_bytes:
        raise InputError(source, f"too large: {size / 1e6:.1f} MB, limit {max_bytes / 1e6:g} MB")
    decoded = Decoded(content) if isinstance(content, str) else _decode_bytes(content, source)
    text = normalize(decoded.text)
    if _control_share(text[:_SAMPLE]) > 1 - _MIN_PRINTABLE:
        raise InputError(source, "binary content, not text")
    if not text.strip():
        raise InputError(source, "empty input")
    return Decoded(text, decoded.warning)


def normalize(text: str) -> str:
    """NFC, one kind of line break, plain spaces for odd spaces, no invisible characters; quotes are kept."""
    text = _LINE_SEPARATORS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def _size(content: bytes | str) -> int:
    if isinstance(content, bytes):
        return len(content)
    return len(content.encode("utf-8", "surrogatepass"))


def _decode_bytes(data: bytes, source: str) -> Decoded:
    """An ordered ladder: byte-order mark, strict UTF-8, declared charset, then detection.

    Strict UTF-8 comes before a page's declared charset: non-ASCII bytes that happen to form valid UTF-8
    are almost never another encoding, while stale ``charset`` declarations are common. A BOM, valid UTF-8
    or a declared charset that fits is certain; every later rung is a guess or a repair and says so.
    """
    if not data.strip():
        raise InputError(source, "empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_decode_or_fail(data, encoding, source))
    sample = data[:_SAMPLE]
    if sample.startswith(_BINARY_MAGIC):
        raise InputError(source, "binary content, not text")
    if b"\x00" in sample:
        return _decode_utf16_without_bom(data, source)
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared is not None and (text := _decode_declared(data, declared)) is not None:
        return Decoded(text)
    why = (
        f"not valid UTF-8 or the declared charset {declared}"
        if declared
        else "not valid UTF-8 and no charset declared"
    )
    decoded = _decode_mostly_utf8(data) or _decode_detected(data, why)
    if decoded is None:
        raise InputError(source, "undecodable: not valid UTF-8 and no text encoding fits")
    return decoded


def _decode_or_fail(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(source, f"undecodable: invalid {encoding} at byte {error.start}") from error


def _decode_utf16_without_bom(data: bytes, source: str) -> Decoded:
    """NUL bytes are binary unless they are the zero halves of Latin-script UTF-16 text without a BOM."""
    sample = data[:_SAMPLE]
    for zeros, encoding in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        if zeros and zeros.count(0) / len(zeros) > _MOSTLY_ASCII:
            try:
                text = data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                break
            return Decoded(text, f"decoded as {encoding}: no byte-order mark, guessed from its zero bytes")
    raise InputError(source, "binary content, not text")


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML page declares in its head, as written there."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "ignore")


def _decode_declared(data: bytes, name: str) -> str | None:
    """The bytes in the declared charset, when Python knows it and it decodes them."""
    try:
        return data.decode(codecs.lookup(name).name)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few corrupt bytes (a cut multibyte character) is still UTF-8, not another charset."""
    decoded = data.decode("utf-8", "replace")
    bad = decoded.count("\ufffd")
    non_ascii = sum(1 for char in decoded if ord(char) > 127)
    good = non_ascii - bad
    if good <= 0 or bad * 2 > good:
        return None
    # One U+FFFD may stand for several bytes of a cut character; surrogateescape keeps one per byte.
    replaced = len(_ESCAPED_BYTE.findall(data.decode("utf-8", "surrogateescape")))
    noun = "byte" if replaced == 1 else "bytes"
    return Decoded(decoded, f"replaced {replaced} invalid UTF-8 {noun} with U+FFFD")


def _decode_detected(data: bytes, why: str) -> Decoded | None:
    """Mostly-ASCII text with stray high bytes is Western (cp1252) far more often than anything else.

    charset-normalizer handles the rest; short samples mislead it into rare code pages, hence the prior.
    A single-byte code page decodes any bytes, so its guess counts only when it recognises a language in
    the result; a multi-byte encoding that decodes the bytes is evidence by itself.
    """
    if sum(1 for byte in data[:_SAMPLE] if byte < 128) / len(data[:_SAMPLE]) >= _MOSTLY_ASCII:
        try:
            return Decoded(data.decode("cp1252"), f"decoded as cp1252: {why}")
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    if best is None or not (best.coherence > 0 or is_multi_byte_encoding(best.encoding)):
        return None
    return Decoded(str(best), f"decoded as {best.encoding} (charset-normalizer's guess): {why}")


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0

"""Indonesian wording of the English details that parsers give.

Owns translating the detail text of the condition parser (``game.core``
words its errors in English, the language of code) and of PyYAML's most common
syntax errors, so that an Indonesian diagnostic reads in Indonesian. A detail
with no known pattern is kept as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Rules = tuple[tuple[re.Pattern[str], str], ...]


def rules(pairs: Iterable[tuple[str, str]]) -> Rules:
    """Compile (pattern, replacement) pairs for :func:`reword`."""
    return tuple((re.compile(pattern), replacement) for pattern, replacement in pairs)


def reword(table: Rules, text: str) -> str:
    """Apply every rule of ``table`` in order; text no rule matches stays as it is."""
    for pattern, replacement in table:
        text = pattern.sub(replacement, text)
    return text


_INDONESIAN = rules(
    (
        # condition language (game.core.expressions)
        (r"^empty condition$", "syarat kosong"),
        (r"^syntax error: (.*)$", r"kesalahan sintaks (\1)"),
        (
            r"^a condition must be true or false .*$",
            "syarat harus bernilai benar atau salah "
            "(perbandingan, visited(), atau variabel boolean)",
        ),
        (
            r"^only 'not' and a minus sign before a number are allowed$",
            "hanya 'not' dan tanda minus di depan angka yang diizinkan",
        ),
        (
            r"^compare two things at a time; join comparisons with 'and'$",
            "bandingkan dua hal sekaligus; gabungkan perbandingan dengan 'and'",
        ),
        (r"^only == != < <= > >= compare$", "pembanding hanya == != < <= > >="),
        (r"^'(.*)' is not part of the condition language$", r"'\1' bukan bagian bahasa syarat"),
        (
            r"^integers are written with the digits 0-9 only$",
            "bilangan bulat ditulis hanya dengan angka 0-9",
        ),
        (
            r'^strings are written in double quotes: "text"$',
            'teks ditulis dalam tanda kutip ganda: "teks"',
        ),
        (r"^booleans are written true and false$", "boolean ditulis true dan false"),
        (r"^'(.*)' is not an allowed value$", r"'\1' bukan nilai yang diizinkan"),
        (
            r'^the only function is visited\("node-id"\)$',
            'satu-satunya fungsi adalah visited("id-simpul")',
        ),
        (
            r'^visited takes one node id: visited\("node-id"\)$',
            'visited menerima satu id simpul: visited("id-simpul")',
        ),
        (
            r"^visited takes one node id in double quotes$",
            "visited menerima satu id simpul dalam tanda kutip ganda",
        ),
        (r"^'not' needs something true or false$", "'not' memerlukan nilai benar atau salah"),
        (
            r"^'(and|or)' joins things that are true or false$",
            r"'\1' menggabungkan nilai benar atau salah",
        ),
        (r"^cannot compare (.*) with (.*)$", r"tidak dapat membandingkan \1 dengan \2"),
        (r"^'(.*)' compares integers only$", r"'\1' hanya membandingkan bilangan bulat"),
        (r"\ban integer\b", "bilangan bulat"),
        (r"\ba boolean\b", "boolean"),
        (r"\ba string\b", "teks"),
        # PyYAML's frequent syntax problems
        (
            r"mapping values are not allowed (here|in this context)",
            "tanda titik dua tidak boleh di sini (beri tanda kutip pada teks yang memuat ': ')",
        ),
        (
            r"found character '?\\?t?'? ?that cannot start any token",
            "ada karakter yang tidak boleh mengawali unsur YAML (tab? YAML memakai spasi)",
        ),
        (
            r"found a tab character that violates indentation",
            "ada karakter tab; YAML memakai spasi untuk indentasi",
        ),
        (r"expected <block end>, but found '(.*)'", r"indentasi tidak cocok (ditemukan '\1')"),
        (r"could not find expected ':'", "tanda ':' yang diharapkan tidak ditemukan"),
        (r"found unexpected end of stream", "berkas berakhir sebelum kutipan atau daftar ditutup"),
        (r"expected ',' or '\]', but got '(.*)'", r"diharapkan ',' atau ']', ditemukan '\1'"),
        (r"expected ',' or '\}', but got '(.*)'", r"diharapkan ',' atau '}', ditemukan '\1'"),
        (r"did not find expected key", "kunci yang diharapkan tidak ditemukan (periksa indentasi)"),
        (
            r"did not find expected ',' or '(.)'",
            r"tanda ',' atau '\1' yang diharapkan tidak ditemukan",
        ),
        (r"did not find expected (.+)", r"\1 yang diharapkan tidak ditemukan"),
        (r"^while parsing (a|an) ", "saat mengurai "),
        (r"^while scanning for the next token", "saat memindai unsur berikutnya"),
        (r"^while scanning (a|an) ", "saat memindai "),
        (r"block mapping", "peta blok"),
        (r"flow sequence", "daftar"),
        (r"flow mapping", "peta"),
        (r"quoted scalar", "teks berkutip"),
        (r"simple key", "kunci"),
        # strict reader (game.content.yaml_strict)
        (
            r"^the file is ([\d,]+) bytes, over the limit of ([\d,]+)$",
            r"berkas berukuran \1 byte, melebihi batas \2",
        ),
        (r"^the YAML tag '(.*)' is not allowed$", r"tag YAML '\1' tidak diizinkan"),
        (r"'(.)' was never closed", r"'\1' tidak pernah ditutup"),
        (r"invalid syntax", "sintaks tidak sah"),
        (r"^booleans are written true or false$", "boolean ditulis true atau false"),
        (r"^'(.*)' is not a plain number$", r"'\1' bukan angka biasa"),
        (r"^a mapping key must be plain text$", "kunci peta harus berupa teks biasa"),
        (r"^the file is not UTF-8 text$", "berkas bukan teks UTF-8"),
    )
)


def detail_in(lang: str, detail: str) -> str:
    """``detail`` worded in ``lang`` (only Indonesian needs translating)."""
    return reword(_INDONESIAN, detail) if lang == "id" else detail

"""Diagnostics as data: stable codes, severities, positions, and their wording.

Owns the catalogue of codes (a published code is never reused or renumbered),
their messages in Indonesian and English, and the Diagnostic record that every
check produces. It does not decide when a diagnostic applies (the checks do).
docs/diagnostics.md documents each code for writers.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """One catalogued diagnostic: severity and templates per language."""

    code: str
    severity: str
    message: dict[str, str]
    hint: dict[str, str]


def _code(
    code: str, severity: str, id_: str, en: str, hint_id: str = "", hint_en: str = ""
) -> Code:
    return Code(code, severity, {"id": id_, "en": en}, {"id": hint_id, "en": hint_en})


CATALOGUE: dict[str, Code] = {
    c.code: c
    for c in (
        _code(
            "SCN001",
            ERROR,
            "Sintaks YAML salah: {detail}",
            "YAML syntax error: {detail}",
            "Periksa indentasi dan tanda kutip di sekitar baris ini.",
            "Check the indentation and quotes around this line.",
        ),
        _code(
            "SCN002",
            ERROR,
            "Anchor atau alias YAML ('{name}') tidak diizinkan",
            "YAML anchors and aliases ('{name}') are not allowed",
            "Tulis ulang isinya di tempat itu; skenario tidak memakai & dan *.",
            "Write the content out where it is used; scenarios do not use & and *.",
        ),
        _code(
            "SCN003",
            ERROR,
            "Kunci '{name}' ditulis dua kali (pertama di baris {other})",
            "Duplicate key '{name}' (first on line {other})",
            "Hapus atau ganti nama salah satunya; YAML biasa diam-diam membuang yang pertama.",
            "Remove or rename one of them; plain YAML would silently drop the first.",
        ),
        _code(
            "SCN004",
            ERROR,
            "Berkas terlalu besar: {detail}",
            "File too large: {detail}",
            "Pecah skenario, atau naikkan batas dengan --max-bytes untuk berkas hasil generator.",
            "Split the scenario, or raise the cap with --max-bytes for generated files.",
        ),
        _code(
            "SCN005",
            ERROR,
            "Tag atau nilai YAML tidak diizinkan: {detail}",
            "YAML tag or value not allowed: {detail}",
            "Hapus tag (!!...); skenario hanya berisi teks, angka, true/false, daftar, dan peta.",
            "Remove the tag (!!...); scenarios hold only text, numbers, true/false, lists, maps.",
        ),
        _code(
            "SCN006",
            ERROR,
            "Berkas tidak dapat dibaca: {detail}",
            "The file cannot be read: {detail}",
            "Simpan berkas sebagai UTF-8.",
            "Save the file as UTF-8.",
        ),
        _code(
            "SCN007",
            ERROR,
            "Berkas kosong atau bukan peta YAML",
            "The file is empty or not a YAML mapping",
            "Skenario dimulai dengan 'format: 1' dan 'id: ...'.",
            "A scenario starts with 'format: 1' and 'id: ...'.",
        ),
        _code(
            "SCN010",
            ERROR,
            "Kunci tidak dikenal '{name}' di {where}",
            "Unknown key '{name}' in {where}",
            "{suggestion}",
            "{suggestion}",
        ),
        _code(
            "SCN011",
            ERROR,
            "Jenis salah di {where}: seharusnya {expected}",
            "Wrong type at {where}: expected {expected}",
            "{suggestion}",
            "{suggestion}",
        ),
        _code(
            "SCN012",
            ERROR,
            "Kunci wajib '{name}' tidak ada di {where}",
            "Missing required key '{name}' in {where}",
        ),
        _code(
            "SCN013",
            ERROR,
            "Id '{name}' tidak sah di {where}",
            "Invalid id '{name}' at {where}",
            "Id memakai huruf kecil, angka, dan tanda hubung, diawali huruf atau angka (variabel: "
            "huruf kecil, angka, garis bawah, diawali huruf).",
            "Ids use lowercase letters, digits and hyphens, starting with a letter or digit "
            "(variables: lowercase, digits, underscores, starting with a letter).",
        ),
        _code(
            "SCN014",
            ERROR,
            "Versi format {name} tidak dikenal (Perekat ini membaca format 1)",
            "Unknown format version {name} (this Perekat reads format 1)",
            "Tulis 'format: 1', atau perbarui Perekat.",
            "Write 'format: 1', or update Perekat.",
        ),
        _code(
            "SCN015",
            ERROR,
            "Id skenario '{name}' sudah dipakai oleh {other}",
            "Scenario id '{name}' is already used by {other}",
            "Setiap skenario di scenarios/ perlu id yang unik.",
            "Every scenario in scenarios/ needs a unique id.",
        ),
        _code(
            "SCN016",
            ERROR,
            "Nilai tidak sah di {where}: {detail}",
            "Invalid value at {where}: {detail}",
            "{suggestion}",
            "{suggestion}",
        ),
        _code(
            "SCN017",
            ERROR,
            "Nama variabel '{name}' adalah kata khusus bahasa syarat",
            "Variable name '{name}' is a reserved word of the condition language",
            "Pilih nama lain, misalnya '{name}_x'; kata seperti true, false, and, or, not, if, "
            "in, visited tidak dapat dipakai sebagai variabel.",
            "Choose another name, e.g. '{name}_x'; words such as true, false, and, or, not, if, "
            "in, visited cannot be variables.",
        ),
        _code(
            "SCN020",
            ERROR,
            "'{name}' di {where} tidak menunjuk simpul mana pun",
            "'{name}' at {where} names no node",
            "{suggestion}",
            "{suggestion}",
        ),
        _code(
            "SCN021",
            ERROR,
            "Tokoh '{name}' tidak ada di characters",
            "Character '{name}' is not among the characters",
            "{suggestion}",
            "{suggestion}",
        ),
        _code(
            "SCN022",
            ERROR,
            "Simpul '{name}' harus punya tepat satu dari choices, next, atau ending ({detail})",
            "Node '{name}' must have exactly one of choices, next, ending ({detail})",
            "Keputusan memakai choices, langkah lurus memakai next, akhir cerita memakai ending.",
            "A decision uses choices, a linear step uses next, an ending uses ending.",
        ),
        _code(
            "SCN023",
            ERROR,
            "Id pilihan '{name}' dipakai dua kali di simpul '{other}'",
            "Choice id '{name}' is used twice in node '{other}'",
        ),
        _code(
            "SCN024",
            ERROR,
            "Simpul '{name}' memakai kind: {detail} tetapi tidak punya kunci '{detail}'",
            "Node '{name}' has kind: {detail} but no '{detail}' key",
            "Tambahkan isi tampilannya di bawah kunci '{detail}' (lihat docs/scenario-format.md).",
            "Add the presentation's content under the '{detail}' key (see "
            "docs/scenario-format.md).",
        ),
        _code(
            "SCN025",
            ERROR,
            "Simpul '{name}' punya kunci '{detail}' tanpa kind: {detail}",
            "Node '{name}' has a '{detail}' key without kind: {detail}",
            "Satu simpul menampilkan satu hal: tulis kind: {detail}, atau hapus kunci ini.",
            "A node shows one thing: write kind: {detail}, or remove this key.",
        ),
        _code(
            "SCN026",
            ERROR,
            "'{name}' di {where} tidak menunjuk catatan belajar mana pun",
            "'{name}' at {where} names no learning note",
            "{suggestion}",
            "{suggestion}",
        ),
        _code(
            "SCN027",
            ERROR,
            "Id catatan belajar '{name}' sudah dipakai oleh {other}",
            "Learning note id '{name}' is already used by {other}",
            "Setiap catatan di assets/notes/ perlu id yang unik.",
            "Every note in assets/notes/ needs a unique id.",
        ),
        _code(
            "SCN030",
            ERROR,
            "Variabel '{name}' tidak dideklarasikan ({where})",
            "Variable '{name}' is not declared ({where})",
            "{suggestion}",
            "{suggestion}",
        ),
        _code(
            "SCN031",
            ERROR,
            "set memberi '{name}' nilai {detail}, padahal variabel itu {expected}",
            "set gives '{name}' a value of {detail}, but the variable is {expected}",
        ),
        _code(
            "SCN032",
            ERROR,
            "add hanya untuk variabel bilangan bulat; '{name}' adalah {detail}",
            "add works on integer variables only; '{name}' is {detail}",
        ),
        _code(
            "SCN033",
            ERROR,
            "Syarat tidak dapat diurai: {detail}",
            "The condition does not parse: {detail}",
            "Contoh: kepercayaan >= 1 and not melapor",
            "Example: kepercayaan >= 1 and not melapor",
        ),
        _code(
            "SCN034",
            ERROR,
            "Syarat memakai sesuatu di luar bahasanya: {detail}",
            "The condition uses something outside its language: {detail}",
            'Yang boleh: angka, "teks", true/false, == != < <= > >=, and, or, not, (), '
            'visited("id").',
            'Allowed: numbers, "text", true/false, == != < <= > >=, and, or, not, (), '
            'visited("id").',
        ),
        _code(
            "SCN035",
            ERROR,
            "Jenis dalam syarat tidak cocok: {detail}",
            "Type mismatch in the condition: {detail}",
        ),
        _code(
            "SCN040",
            ERROR,
            "Kompetensi tidak dikenal '{name}'",
            "Unknown competency '{name}'",
            "{suggestion}",
            "{suggestion}",
        ),
        _code(
            "SCN041",
            ERROR,
            "Nilai {detail} untuk '{name}' di luar 1..5",
            "Rating {detail} for '{name}' is outside 1..5",
            "Setiap opsi dinilai 1 (terburuk) sampai 5 (terbaik).",
            "Every option is rated 1 (worst) to 5 (best).",
        ),
        _code(
            "SCN042",
            ERROR,
            "Pilihan-pilihan di keputusan '{name}' menilai kompetensi yang berbeda ({detail})",
            "The choices of decision '{name}' rate different competencies ({detail})",
            "Dalam satu keputusan, setiap pilihan menilai himpunan kompetensi yang sama.",
            "Within one decision, every choice rates the same set of competencies.",
        ),
        _code(
            "SCN043",
            ERROR,
            "Teks di {where} tidak punya versi bahasa Indonesia ('id')",
            "The text at {where} has no Indonesian ('id') entry",
            'Tulis teks sebagai string, atau {{id: "...", en: "..."}}.',
            'Write the text as a string, or {{id: "...", en: "..."}}.',
        ),
        _code(
            "SCN044",
            ERROR,
            "Langkah lurus berputar tanpa keputusan: {detail}",
            "Linear steps loop with no decision: {detail}",
            "Tambahkan keputusan atau akhir pada putaran ini.",
            "Add a decision or an ending to this loop.",
        ),
        _code(
            "SCN100",
            WARNING,
            "Teks di {where} belum punya terjemahan bahasa Inggris ('en')",
            "The text at {where} has no English ('en') translation",
        ),
        _code(
            "SCN101",
            WARNING,
            "Pilihan '{name}' di simpul '{other}' tidak punya feedback",
            "Choice '{name}' in node '{other}' has no feedback",
            "Feedback menjelaskan mengapa pilihan itu menunjukkan (atau tidak) kompetensinya.",
            "Feedback says why the choice shows (or lacks) the competency.",
        ),
        _code(
            "SCN102",
            WARNING,
            "Di keputusan '{name}', opsi terbaik untuk {detail} hanya bernilai {other}",
            "In decision '{name}', the best option for {detail} rates only {other}",
            "Setiap kompetensi yang dinilai perlu satu opsi bernilai 5.",
            "Every assessed competency needs one option rated 5.",
        ),
        _code(
            "SCN103",
            WARNING,
            "Skenario tidak menilai kompetensi: {detail}",
            "The scenario does not assess: {detail}",
            "Skenario yang lengkap menilai recognize, tolerate, dan leverage.",
            "A complete scenario assesses recognize, tolerate and leverage.",
        ),
        _code(
            "SCN200",
            WARNING,
            "Simpul '{name}' tidak pernah dimasuki oleh permainan mana pun",
            "No play ever enters node '{name}'",
            "Arahkan sebuah pilihan atau next ke simpul ini, atau periksa syarat (if) yang "
            "selalu salah; hapus bila memang tidak dipakai.",
            "Point a choice or a next at it, or check conditions (if) that are never true; "
            "delete it if it is not used.",
        ),
        _code(
            "SCN201",
            WARNING,
            "Akhir '{name}' tidak dapat dicapai oleh permainan mana pun",
            "No play can reach the ending '{name}'",
            "Periksa syarat pilihan yang menuju ke sana.",
            "Check the conditions of the choices that lead there.",
        ),
        _code(
            "SCN202",
            ERROR,
            "Jalan buntu: di keputusan '{name}' tidak ada pilihan yang tersedia setelah {detail}",
            "Dead end: decision '{name}' offers no available choice after {detail}",
            "Tambahkan pilihan tanpa syarat (if) atau longgarkan syaratnya.",
            "Add a choice with no condition (if), or loosen the conditions.",
        ),
        _code(
            "SCN203",
            ERROR,
            "Putaran tanpa jalan keluar: {detail}; permainan yang masuk tidak pernah selesai",
            "A loop with no way out: {detail}; a play that enters it never ends",
            "Beri putaran ini pilihan yang menuju akhir, atau batasi dengan penghitung.",
            "Give the loop a choice that leads to an ending, or bound it with a counter.",
        ),
        _code(
            "SCN204",
            WARNING,
            "Pilihan '{name}' di '{other}' bernilai lebih rendah daripada '{detail}', tetapi "
            "hasilnya lebih baik ({expected})",
            "Choice '{name}' in '{other}' is rated lower than '{detail}' but leads to a better "
            "outcome ({expected})",
            "Cerita memberi hadiah pada yang dinilai salah: ubah akibatnya atau nilainya.",
            "The story rewards what the rating calls wrong: change the consequence or the rating.",
        ),
        _code(
            "SCN205",
            WARNING,
            "Keputusan '{name}' tanpa pilihan yang baik: semua opsi bernilai 2 atau kurang",
            "Decision '{name}' has no good option: every option rates 2 or less",
            "Beri pemain setidaknya satu tindakan yang menunjukkan kompetensi.",
            "Give the player at least one action that shows the competency.",
        ),
        _code(
            "SCN206",
            WARNING,
            "Keputusan '{name}' bukan dilema: semua opsi bernilai 4 atau lebih",
            "Decision '{name}' is no real dilemma: every option rates 4 or more",
            "Tambahkan opsi yang menggoda tetapi keliru, agar pemain benar-benar menimbang.",
            "Add a tempting but wrong option, so the player really weighs the choice.",
        ),
        _code(
            "SCN207",
            WARNING,
            "Akhir '{name}' ({other}) dicapai oleh permainan bertingkat '{detail}'",
            "The {other} ending '{name}' is reached by a play of tier '{detail}'",
            "Akhir sebaiknya mencerminkan kompetensi: periksa jalur menuju akhir ini.",
            "Endings should follow competence: check the paths that lead to this ending.",
        ),
        _code(
            "SCN208",
            WARNING,
            "Tidak ada permainan yang mencapai tingkat: {detail}",
            "No play reaches the tier: {detail}",
            "Pastikan setiap tingkat (belum, dasar, menengah, tinggi) dapat dicapai.",
            "Make every tier (belum, dasar, menengah, tinggi) reachable.",
        ),
        _code(
            "SCN209",
            WARNING,
            "Analisis berhenti pada batas {detail} keadaan permainan; "
            "pemeriksaan alur tidak lengkap",
            "Analysis stopped at the limit of {detail} play states; flow checks are incomplete",
            "Variabel yang dibaca syarat mungkin terus bertambah dalam putaran; batasi nilainya.",
            "A variable conditions read may grow without end in a loop; bound it.",
        ),
        _code(
            "SCN104",
            WARNING,
            "Nilai awal variabel '{name}' adalah teks '{detail}'",
            "The initial value of variable '{name}' is the text '{detail}'",
            "{suggestion}",
            "{suggestion}",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding about a scenario file, already worded in one language."""

    code: str
    severity: str
    file: str
    line: int
    col: int
    message: str
    hint: str = ""

    def format(self) -> str:
        """``file:line:col: severity CODE: message`` (front ends print the hint separately)."""
        text = f"{self.file}:{self.line}:{self.col}: {self.severity} {self.code}: {self.message}"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


def make(code: str, file: str, line: int, col: int, lang: str = "id", **params: Any) -> Diagnostic:
    """A diagnostic of catalogued ``code`` with its message and hint worded in ``lang``."""
    entry = CATALOGUE[code]
    language = lang if lang in entry.message else "id"
    values = {"name": "", "where": "", "detail": "", "other": "", "expected": "", "suggestion": ""}
    values.update({key: str(value) for key, value in params.items()})
    message = entry.message[language].format(**values)
    hint = entry.hint[language].format(**values) if entry.hint[language] else ""
    return Diagnostic(code, entry.severity, file, line, col, message, hint)


_YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n", "true", "false"}
_YAML11_NUMBER = re.compile(r"^[-+]?(0[0-9_]+|[0-9][0-9_]*(:[0-5]?[0-9])+|0[xob][0-9a-fA-F_]+)$")


def plain_text_hint(value: object, lang: str = "id") -> str:
    """A hint when text is what older YAML would have read as a boolean or a number."""
    if not isinstance(value, str):
        return ""
    if value.lower() in _YAML11_BOOLEANS:
        if lang == "id":
            return f"'{value}' dibaca sebagai teks; untuk boolean tulis true atau false."
        return f"'{value}' is read as text; write true or false for a boolean."
    if _YAML11_NUMBER.match(value):
        if lang == "id":
            return (
                f"'{value}' dibaca sebagai teks; bilangan bulat ditulis dengan angka saja, "
                "tanpa nol di depan atau titik dua."
            )
        return (
            f"'{value}' is read as text; integers are plain digits, with no leading zero or colon."
        )
    return ""


def did_you_mean(word: str, options: Iterable[str], lang: str = "id") -> str:
    """A hint naming the closest of ``options`` to ``word``, or an empty string."""
    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    if not matches:
        return ""
    return f"Maksud Anda '{matches[0]}'?" if lang == "id" else f"Did you mean '{matches[0]}'?"


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(item.severity == ERROR for item in diagnostics)

"""The text player's own words, in Indonesian and English.

Owns every fixed string the terminal front end prints; scenario text comes from
the scenario. Unknown languages fall back to Indonesian.
"""

from __future__ import annotations

from typing import Any

from game.content.wording import reword, rules

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "continue": "[Enter untuk lanjut]",
        "prompt": "Pilihan Anda (nomor; :bantuan untuk perintah): ",
        "locked": "terkunci",
        "refused_locked": "Pilihan itu terkunci. {reason}",
        "refused_unknown": "Tidak ada pilihan '{answer}'. Ketik nomor 1-{count} atau id pilihan.",
        "input_ended": "Masukan berakhir sebelum akhir skenario.",
        "interrupted": "Dihentikan.",
        "autosaved": "Permainan tersimpan otomatis; lanjutkan dengan: "
        "perekat play {scenario} --resume",
        "nothing_saved": "Belum ada pilihan, jadi belum ada yang disimpan.",
        "undo_impossible": "Tidak dapat membatalkan: skenario telah berubah sejak pilihan itu "
        "dibuat.",
        "kept_previous": "Permainan sebelumnya yang belum selesai disimpan di {path} "
        "(lanjutkan dengan --load {path}).",
        "ask_resume": "Ada permainan yang belum selesai (disimpan {saved_at}). Lanjutkan? [Y/t] ",
        "menu_invalid": "Ketik nomor 1-{count}, atau kosongkan untuk keluar.",
        "mode_kept": "Permainan ini dimulai dalam mode '{mode}' dan tetap dalam mode itu.",
        "feedback": "Umpan balik",
        "group_reason": "Alasan kelompok",
        "rating": "Nilai",
        "violation": "Pelanggaran",
        "ending": "AKHIR",
        "report": "LAPORAN",
        "competency": "Kompetensi (rata-rata 1-5; kuasai bila >= 4,0)",
        "not_assessed": "tidak dinilai",
        "tier": "Tingkat",
        "violations": "Pelanggaran aturan",
        "no_violations": "Tidak ada pelanggaran aturan.",
        "decisions": "Keputusan Anda",
        "help": "Ketik nomor pilihan (atau id pilihan). Perintah: :undo (batalkan pilihan "
        "terakhir, mode belajar), :save NAMA (simpan ke slot), :quit (keluar; permainan "
        "tersimpan otomatis setelah setiap pilihan), :bantuan",
        "undone": "Pilihan terakhir dibatalkan.",
        "undo_not_allowed": "Batal pilihan hanya tersedia di mode belajar (--mode learn).",
        "nothing_to_undo": "Belum ada pilihan untuk dibatalkan.",
        "saved": "Tersimpan di slot '{slot}' ({path}).",
        "quit": "Keluar.",
        "resumed": "Melanjutkan permainan yang tersimpan ({saved_at}).",
        "changed": "Catatan: skenario telah berubah sejak permainan disimpan.",
        "already_ended": "Permainan yang tersimpan sudah selesai.",
        "reflection_prompt": "Refleksi: satu tindakan nyata yang akan saya terapkan di tempat "
        "kerja (Enter untuk melewati): ",
        "reflection_saved": "Refleksi tersimpan.",
        "rationale_prompt": "Alasan kelompok (Enter untuk lewati): ",
        "menu_title": "Perekat: pilih skenario",
        "menu_prompt": "Nomor skenario (kosong untuk keluar): ",
        "menu_none": "Tidak ada skenario yang dapat dimainkan di {folder}.",
        "menu_broken": "tidak dapat dimainkan",
        "minutes": "menit",
        "kind_good": "akhir baik",
        "kind_mixed": "akhir campuran",
        "kind_bad": "akhir buruk",
        "storyboard_done": "{count} gambar PNG ditulis; buka {index}",
        "sheet_done": "Lembar ulasan untuk ahli materi: {path} (satu baris per simpul dan pilihan)",
        "plan_written": "Rencana emas ditulis ke {path}",
    },
    "en": {
        "continue": "[Enter to continue]",
        "prompt": "Your choice (number; :help for commands): ",
        "locked": "locked",
        "refused_locked": "That choice is locked. {reason}",
        "refused_unknown": "There is no choice '{answer}'. Type a number 1-{count} or a choice id.",
        "input_ended": "Input ended before the scenario's ending.",
        "interrupted": "Stopped.",
        "autosaved": "The play is autosaved; continue with: perekat play {scenario} --resume",
        "nothing_saved": "No choice was made yet, so nothing was saved.",
        "undo_impossible": "Cannot undo: the scenario has changed since that choice was made.",
        "kept_previous": "The earlier unfinished play was kept at {path} (continue it with "
        "--load {path}).",
        "ask_resume": "There is an unfinished play (saved {saved_at}). Continue it? [Y/n] ",
        "menu_invalid": "Type a number 1-{count}, or nothing to leave.",
        "mode_kept": "This play was started in '{mode}' mode and stays in it.",
        "feedback": "Feedback",
        "group_reason": "The group's reason",
        "rating": "Rating",
        "violation": "Violation",
        "ending": "ENDING",
        "report": "REPORT",
        "competency": "Competencies (average 1-5; mastered at >= 4.0)",
        "not_assessed": "not assessed",
        "tier": "Tier",
        "violations": "Rules broken",
        "no_violations": "No rule was broken.",
        "decisions": "Your decisions",
        "help": "Type a choice's number (or its id). Commands: :undo (take back the last choice, "
        "learning mode), :save NAME (save to a slot), :quit (leave; the play is autosaved after "
        "every choice), :help",
        "undone": "The last choice was taken back.",
        "undo_not_allowed": "Undo is only available in learning mode (--mode learn).",
        "nothing_to_undo": "No choice has been made yet.",
        "saved": "Saved to slot '{slot}' ({path}).",
        "quit": "Leaving.",
        "resumed": "Continuing the saved play ({saved_at}).",
        "changed": "Note: the scenario has changed since the play was saved.",
        "already_ended": "The saved play has already ended.",
        "reflection_prompt": "Reflection: one concrete action I will apply at work "
        "(Enter to skip): ",
        "reflection_saved": "Reflection saved.",
        "rationale_prompt": "Group's reason (Enter to skip): ",
        "menu_title": "Perekat: choose a scenario",
        "menu_prompt": "Scenario number (empty to leave): ",
        "menu_none": "There is no playable scenario in {folder}.",
        "menu_broken": "not playable",
        "minutes": "min",
        "kind_good": "a good ending",
        "kind_mixed": "a mixed ending",
        "kind_bad": "a bad ending",
        "storyboard_done": "{count} PNG pictures written; open {index}",
        "sheet_done": "Comment sheet for reviewers: {path} (one row per node and choice)",
        "plan_written": "Golden plan written to {path}",
    },
}


def say(lang: str, key: str, **params: Any) -> str:
    """The message ``key`` in ``lang`` (Indonesian when missing), filled with ``params``."""
    table = MESSAGES.get(lang, MESSAGES["id"])
    return table.get(key, MESSAGES["id"][key]).format(**params)


# Errors and notes from the lower layers are worded in English (the language of code);
# the terminal shows them in the player's language.
_INDONESIAN_ERRORS = rules(
    (
        (
            r"^slot name '(.*)' is not allowed: .*$",
            r"nama slot '\1' tidak diizinkan: pakai huruf, angka, '-' dan '_' (paling banyak 40, "
            r"diawali huruf atau angka)",
        ),
        (r"^cannot write the save (.*): (.*)$", r"tidak dapat menulis simpanan \1: \2"),
        (r"^there is no save at (.*)$", r"tidak ada simpanan di \1"),
        (r"^cannot read the save (.*): (.*)$", r"tidak dapat membaca simpanan \1: \2"),
        (r"the save is damaged or truncated \((.*?)\)", r"simpanan rusak atau terpotong (\1)"),
        (r"the file is not a Perekat save", "berkas ini bukan simpanan Perekat"),
        (r"the save has no valid version", "simpanan tidak punya versi yang sah"),
        (
            r"the save was made by a newer Perekat \(save format (\d+); "
            r"this one reads up to (\d+)\); update Perekat to use it",
            r"simpanan dibuat oleh Perekat yang lebih baru (format simpanan \1; versi ini membaca "
            r"sampai \2); perbarui Perekat untuk memakainya",
        ),
        (r"the save is damaged \((.*)\)", r"simpanan rusak (\1)"),
        (
            r"the save's header and play state name different scenarios",
            "kepala simpanan dan isi permainannya menyebut skenario yang berbeda",
        ),
        (r"; its bytes are kept at (.*)$", r"; isinya disimpan utuh di \1"),
        (
            r"^there is no autosave for '(.*)' in (.*)$",
            r"tidak ada simpanan otomatis untuk '\1' di \2",
        ),
        (r"^(.*) is a save of '(.*)', not of '(.*)'$", r"\1 adalah simpanan '\2', bukan '\3'"),
        (
            r"^no scenario '(.*)' in (.*); available: (.*)$",
            r"tidak ada skenario '\1' di \2; yang tersedia: \3",
        ),
        (r"^no such scenario file: (.*)$", r"berkas skenario tidak ada: \1"),
        (
            r"^cannot write the storyboard to (.*): it is a file, not a folder$",
            r"tidak dapat menulis papan cerita ke \1: itu berkas, bukan folder",
        ),
        (
            r"^cannot write the storyboard to (.*): (.*)$",
            r"tidak dapat menulis papan cerita ke \1: \2",
        ),
        (r"^no such file or folder: (.*)$", r"berkas atau folder tidak ada: \1"),
        (
            r"^--record records a play in the text player; use --ui text$",
            "--record merekam permainan di pemutar teks; pakai --ui text",
        ),
        (
            r"^--record needs a play from the start; leave out --start$",
            "--record perlu permainan dari awal; jangan pakai --start",
        ),
        (r"^cannot write the plan (.*): (.*)$", r"tidak dapat menulis rencana \1: \2"),
        (r"^--max-states must be at least 1$", "--max-states paling sedikit 1"),
        (
            r"^use either --resume or --load, not both$",
            "pakai --resume atau --load, jangan keduanya",
        ),
        (
            r"^--start begins a new play; .*$",
            "--start memulai permainan baru; tidak dapat dipakai bersama --resume atau --load",
        ),
        (r"^scenario '(.*)' has no node '(.*)'$", r"skenario '\1' tidak punya simpul '\2'"),
        (
            r"^scenario '(.*)' no longer has node '(.*)'$",
            r"skenario '\1' tidak lagi punya simpul '\2'",
        ),
        (
            r"^the play state is for scenario '(.*)', not '(.*)'$",
            r"isi permainan ini untuk skenario '\1', bukan '\2'",
        ),
        (
            r"^dead end in scenario '(.*)': no choice of node '(.*)' is available$",
            r"jalan buntu di skenario '\1': tidak ada pilihan yang tersedia di simpul '\2'",
        ),
        (
            r"^variable '(.*)' is no longer declared; dropped$",
            r"variabel '\1' tidak lagi dideklarasikan; dibuang",
        ),
        (
            r"^new variable '(.*)' starts at its initial value$",
            r"variabel baru '\1' dimulai dari nilai awalnya",
        ),
        (
            r"^variable '(.*)' changed type; reset to its initial value$",
            r"jenis variabel '\1' berubah; dikembalikan ke nilai awalnya",
        ),
        (
            r"^'(.*)' is no longer an ending; the play goes on from there$",
            r"'\1' tidak lagi menjadi akhir; permainan berlanjut dari sana",
        ),
        (
            r"^'(.*)' is now an ending; the play has ended$",
            r"'\1' kini menjadi akhir; permainan selesai",
        ),
        (
            r"^the saves folder (.*) is on a network share \((.*)\); the learning records database "
            r"needs this PC's own disk\. Use a local folder with --saves-dir \(class results can "
            r"still go to a shared folder with --results-dir\)$",
            r"folder simpanan \1 ada di berbagi jaringan (\2); basis data catatan belajar "
            r"perlu disk PC ini sendiri. Pakai folder lokal dengan --saves-dir (hasil kelas tetap "
            r"dapat ditulis ke folder bersama dengan --results-dir)",
        ),
        (
            r"^the learning records (.*) were damaged \((.*)\); kept at (.*), and a new records "
            r"file was started$",
            r"catatan belajar \1 rusak (\2); isinya disimpan utuh di \3, dan berkas catatan baru "
            r"dimulai",
        ),
        (
            r"^the learning records (.*) were written by a newer Perekat \(records schema (\d+); "
            r"this one knows up to (\d+)\); update Perekat$",
            r"catatan belajar \1 ditulis oleh Perekat yang lebih baru (skema catatan \2; versi ini "
            r"mengenal sampai \3); perbarui Perekat",
        ),
        (
            r"^--group names a group within a session; give --session CODE too$",
            "--group menamai kelompok dalam sebuah sesi; berikan juga --session KODE",
        ),
        (
            r"^session code '(.*)' is not allowed: .*$",
            r"kode sesi '\1' tidak diizinkan: pakai 3-20 huruf, angka dan '-', diawali huruf atau "
            r"angka (mis. KELAS-A)",
        ),
        (
            r"^session code '(.*)' is reserved for individual play$",
            r"kode sesi '\1' dicadangkan untuk permainan perorangan",
        ),
        (
            r"^--members lists the members of a group; give --group NAME too$",
            "--members mendaftar anggota sebuah kelompok; berikan juga --group NAMA",
        ),
        (
            r"^members '(.*)' are not allowed: give (\d+)-(\d+) names separated by commas "
            r"\(e\.g\. (.*)\)$",
            r"anggota '\1' tidak diizinkan: tulis \2-\3 nama dipisah koma (mis. \4)",
        ),
        (
            r"^member name '(.*)' is not allowed: use (\d+)-(\d+) printable characters$",
            r"nama anggota '\1' tidak diizinkan: pakai \2-\3 karakter yang dapat dicetak",
        ),
        (
            r"^group name '(.*)' is not allowed: use (\d+)-(\d+) printable characters$",
            r"nama kelompok '\1' tidak diizinkan: pakai \2-\3 karakter yang dapat dicetak",
        ),
        (
            r"^in the window, --results-dir collects a class's files; give --session$",
            "di jendela permainan, --results-dir mengumpulkan berkas kelas; berikan --session",
        ),
        (
            r"^this play belongs to session (.*); its records stay there$",
            r"permainan ini milik sesi \1; catatannya tetap di sesi itu",
        ),
        (r"^cannot write the results file (.*): (.*)$", r"tidak dapat menulis berkas hasil \1: \2"),
        (r"^cannot write the records to (.*): (.*)$", r"tidak dapat menulis catatan ke \1: \2"),
    )
)


def translate(lang: str, text: str) -> str:
    """An error or note from the lower layers, in ``lang`` (unknown wording stays as it is)."""
    return reword(_INDONESIAN_ERRORS, text) if lang == "id" else text

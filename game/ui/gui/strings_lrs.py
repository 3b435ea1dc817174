"""The window's words about the Learning Record Store (the LRS screen, the report's status line).

Merged into ``strings.STRINGS`` so ``tr`` finds them; Indonesian first, English second.
"""

from __future__ import annotations

LRS_STRINGS: dict[str, dict[str, str]] = {
    "id": {
        "lrs_entry": "Learning Record Store (LRS)",
        "lrs_open": "Buka ›",
        "hub_lrs": "Kirim catatan ke LRS",
        "hub_lrs_hint": "Alamat dan akun Learning Record Store instansi, kirim catatan belajar "
        "PC ini sekarang, dan lihat berapa yang masih menunggu.",
        "lrs_heading": "Learning Record Store (LRS)",
        "lrs_endpoint": "Alamat xAPI LRS",
        "lrs_endpoint_hint": "mis. https://lrs.instansi.go.id/xAPI/",
        "lrs_user": "Pengguna (kunci LRS)",
        "lrs_password": "Kata sandi (rahasia LRS)",
        "lrs_password_hint": "Hanya untuk pengguna ini, di {folder}; tidak pernah di simpanan, "
        "catatan, atau log.",
        "lrs_after_play": "Kirim di akhir setiap permainan",
        "lrs_save": "Simpan",
        "lrs_check": "Uji koneksi",
        "lrs_send": "Kirim sekarang",
        "lrs_outbox": "Kotak keluar PC ini",
        "lrs_status": "{waiting} menunggu, {sent} terkirim, {refused} ditolak",
        "lrs_status_none": "Isi alamat LRS untuk melihat status kotak keluar "
        "({total} catatan di PC ini).",
        "lrs_status_for": "ke {endpoint}",
        "lrs_saved": "Tersimpan.",
        "lrs_checking": "Menghubungi LRS…",
        "lrs_sending": "Mengirim… {sent} terkirim",
        "lrs_check_ok": "LRS menjawab dan menerima akun ini.",
        "lrs_sent": "Selesai: {sent} terkirim, {already} sudah ada di LRS, {refused} ditolak, "
        "{left} tersisa.",
        "lrs_nothing": "Tidak ada catatan yang menunggu.",
        "lrs_bad_address": "Alamat harus URL http(s) tanpa nama pengguna, kata sandi, atau "
        "tanda tanya.",
        "lrs_need_address": "Isi alamat LRS dulu.",
        "lrs_problem_unreachable": "LRS tidak menjawab. Periksa alamatnya dan jaringan; "
        "catatan tetap tersimpan di PC ini dan dikirim nanti.",
        "lrs_problem_account": "LRS menolak akun ini (401/403): periksa pengguna dan kata sandi.",
        "lrs_problem_address": "Di alamat ini tidak ada LRS xAPI (404): alamatnya harus "
        "titik akhir xAPI, tempat pernyataan disimpan (mis. …/xAPI/).",
        "lrs_problem_certificate": "PC ini tidak mempercayai sertifikat LRS; minta bantuan "
        "pengelola LRS atau pasang sertifikat instansi di PC ini.",
        "lrs_problem_records": "Catatan di PC ini tidak dapat dibuka: {detail}",
        "lrs_problem_other": "Pengiriman gagal: {detail}",
        "lrs_hint": "Tab/panah pindah · Enter memilih · Esc kembali",
        "lrs_report_sending": "Mengirim catatan ke LRS…",
        "lrs_report_sent": "Catatan terkirim ke LRS.",
        "lrs_report_unreachable": "LRS tidak menjawab; catatan tetap tersimpan dan akan "
        "dikirim nanti.",
        "lrs_report_failed": "Catatan belum terkirim ke LRS (sebabnya di layar LRS: "
        "Pengaturan › LRS); catatan tetap tersimpan.",
        "lrs_report_refused": "Catatan terkirim ke LRS; {refused} ditolak (lihat layar LRS).",
    },
    "en": {
        "lrs_entry": "Learning Record Store (LRS)",
        "lrs_open": "Open ›",
        "hub_lrs": "Send records to the LRS",
        "hub_lrs_hint": "The organisation's Learning Record Store address and account, send "
        "this PC's learning records now, and see how many still wait.",
        "lrs_heading": "Learning Record Store (LRS)",
        "lrs_endpoint": "LRS xAPI address",
        "lrs_endpoint_hint": "e.g. https://lrs.example.go.id/xAPI/",
        "lrs_user": "User (LRS key)",
        "lrs_password": "Password (LRS secret)",
        "lrs_password_hint": "For this user only, in {folder}; never in saves, records or logs.",
        "lrs_after_play": "Send at the end of each play",
        "lrs_save": "Save",
        "lrs_check": "Test connection",
        "lrs_send": "Send now",
        "lrs_outbox": "This PC's outbox",
        "lrs_status": "{waiting} waiting, {sent} sent, {refused} refused",
        "lrs_status_none": "Fill in the LRS address to see the outbox ({total} records on "
        "this PC).",
        "lrs_status_for": "to {endpoint}",
        "lrs_saved": "Saved.",
        "lrs_checking": "Contacting the LRS…",
        "lrs_sending": "Sending… {sent} sent",
        "lrs_check_ok": "The LRS answered and accepts this account.",
        "lrs_sent": "Done: {sent} sent, {already} already in the LRS, {refused} refused, "
        "{left} left.",
        "lrs_nothing": "No records are waiting.",
        "lrs_bad_address": "The address must be an http(s) URL with no user, password or "
        "question mark.",
        "lrs_need_address": "Fill in the LRS address first.",
        "lrs_problem_unreachable": "The LRS does not answer. Check its address and the network; "
        "the records stay on this PC and are sent later.",
        "lrs_problem_account": "The LRS refused this account (401/403): check the user and "
        "password.",
        "lrs_problem_address": "No xAPI LRS at this address (404): give the xAPI endpoint, "
        "where statements are stored (e.g. …/xAPI/).",
        "lrs_problem_certificate": "This PC does not trust the LRS's certificate; ask the LRS's "
        "administrator, or have the organisation's certificate installed.",
        "lrs_problem_records": "This PC's records cannot be opened: {detail}",
        "lrs_problem_other": "The send failed: {detail}",
        "lrs_hint": "Tab/arrows move · Enter chooses · Esc back",
        "lrs_report_sending": "Sending the records to the LRS…",
        "lrs_report_sent": "Records sent to the LRS.",
        "lrs_report_unreachable": "The LRS did not answer; the records stay saved and will be "
        "sent later.",
        "lrs_report_failed": "Records not sent to the LRS (why: Settings › LRS); they stay saved.",
        "lrs_report_refused": "Records sent to the LRS; {refused} refused (see the LRS screen).",
    },
}

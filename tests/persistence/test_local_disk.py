"""Telling a network share from this PC's own disk, on fake mount tables and Windows paths."""

from __future__ import annotations

from pathlib import Path

from game.persistence.local_disk import network_share, network_type, windows_share

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
//server/kelas /mnt/kelas cifs rw,vers=3.0 0 0
/dev/sdb1 /mnt/kelas/lokal ext4 rw 0 0
nas:/export/home /home/nfs nfs4 rw 0 0
budi@host:/data /home/budi/remote fuse.sshfs rw 0 0
/dev/sdc1 /media/usb\\040stick vfat rw 0 0
//nas/berbagi /media/usb\\040stick/berbagi smb3 rw 0 0
"""


def test_nfs_cifs_and_sshfs_mounts_are_network_shares() -> None:
    """A folder under a cifs, nfs4 or sshfs mount is on a network share; its type is named."""
    assert network_type("/mnt/kelas/saves", MOUNTS) == "cifs"
    assert network_type("/mnt/kelas", MOUNTS) == "cifs"
    assert network_type("/home/nfs/perekat/saves", MOUNTS) == "nfs4"
    assert network_type("/home/budi/remote/saves", MOUNTS) == "fuse.sshfs"


def test_the_longest_mount_point_holding_the_folder_decides() -> None:
    """A local disk mounted inside a share is local; a prefix of a name is not a parent."""
    assert network_type("/mnt/kelas/lokal/saves", MOUNTS) is None
    assert network_type("/mnt/kelasku/saves", MOUNTS) is None
    assert network_type("/home/perekat/saves", MOUNTS) is None


def test_escaped_spaces_in_mount_points_are_read() -> None:
    """/proc/mounts writes a space as \\040: the folder under it is still found."""
    assert network_type("/media/usb stick/saves", MOUNTS) is None
    assert network_type("/media/usb stick/berbagi/saves", MOUNTS) == "smb3"


def test_windows_unc_paths_and_mapped_drives_are_network_shares() -> None:
    """\\\\server\\share and a drive letter mapped to a share are refused; C: is not."""
    types = {"C:\\": 3, "Z:\\": 4, "E:\\": 2}  # fixed, remote, removable

    def drive_type(root: str) -> int:
        return types.get(root.upper(), 0)

    assert windows_share("\\\\server\\kelas\\saves", drive_type) == "UNC path"
    assert windows_share("//server/kelas/saves", drive_type) == "UNC path"
    assert windows_share("\\\\?\\UNC\\server\\kelas\\saves", drive_type) == "UNC path"
    assert windows_share("Z:\\Perekat\\saves", drive_type) == "network drive"
    assert windows_share("z:\\Perekat\\saves", drive_type) == "network drive"
    assert windows_share("C:\\Perekat\\saves", drive_type) is None
    assert windows_share("\\\\?\\C:\\Perekat\\saves", drive_type) is None
    assert windows_share("E:\\saves", drive_type) is None  # a USB stick is this PC's own


def test_a_temporary_folder_of_this_machine_is_local(tmp_path: Path) -> None:
    """The real check on this machine: its temporary folder is not a network share."""
    assert network_share(tmp_path / "not-yet-created") is None

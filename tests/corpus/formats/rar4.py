"""A RAR 4 archive of stored (uncompressed) members, written from the block
layout in RARLAB's technical note (technote.txt of RAR 4.x), because no
free tool creates RAR archives. Readers (libarchive, unrar) take stored
members like any others. ASCII member names only (no unicode name field).
"""

import struct
import zlib

MARKER = b"Rar!\x1a\x07\x00"
DOS_TIME = (2025 - 1980) << 25 | 4 << 21 | 1 << 16 | 9 << 11  # 2025-04-01 09:00:00


def _block(head_type, flags, fields):
    """A block: HEAD_CRC (low 16 bits of the CRC-32 of what follows it),
    HEAD_TYPE, HEAD_FLAGS, HEAD_SIZE, then the type's fields."""
    body = struct.pack("<BHH", head_type, flags, 7 + len(fields)) + fields
    return struct.pack("<H", zlib.crc32(body) & 0xFFFF) + body


def rar4(members):
    out = [MARKER, _block(0x73, 0, struct.pack("<HI", 0, 0))]  # archive header, reserved fields
    for name, data in members:
        raw = name.encode("ascii")
        fields = struct.pack("<IIBIIBBHI", len(data), len(data), 3, zlib.crc32(data), DOS_TIME,
                             20, 0x30, len(raw), 0o100644) + raw  # Unix host, method "store"
        out += [_block(0x74, 0x8000, fields), data]  # 0x8000: a data area follows
    out.append(_block(0x7B, 0x4000, b""))  # end of archive
    return b"".join(out)

"""Uncompressed .npz files whose arrays are 64-byte aligned, written whole and mapped on read.

The engine's saved index and the model's stored copy are kept this way: a start maps the file
instead of reading it (a page is read when first touched), and a write goes to a scratch file
renamed into place, so a crash leaves the old file or the new one.
"""

from __future__ import annotations

import io
import mmap
import os
import struct
import tempfile
import zipfile
from pathlib import Path
from typing import BinaryIO, Literal

import numpy as np

# A zip member's local header: its fixed part, and where the name and extra lengths sit in it.
_LOCAL_HEADER = 30
_ZIP64_EXTRA = 20  # what zipfile adds to a local header written with force_zip64
# Extra field id of a padding block (the one Android's zipalign uses), so every array's data
# starts on a 64-byte boundary: numpy's products on unaligned data are ~3x slower (no BLAS).
_PADDING_ID = 0xD935
_ALIGN = 64


def write_aligned(target: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write `arrays` to `target` through a scratch file in the same folder, renamed into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            _write(out, arrays)
        os.replace(scratch, target)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise


def _write(out: BinaryIO, arrays: dict[str, np.ndarray]) -> None:
    """An uncompressed .npz (np.load reads it) whose every array's data is 64-byte aligned."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        for name, values in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            # numpy pads a .npy header to a multiple of 64 bytes: aligning its start suffices
            fixed = out.tell() + _LOCAL_HEADER + len(info.filename) + 4 + _ZIP64_EXTRA
            room = -fixed % _ALIGN
            info.extra = struct.pack("<HH", _PADDING_ID, room) + bytes(room)
            with archive.open(info, "w", force_zip64=True) as member:
                np.lib.format.write_array(member, np.ascontiguousarray(values), allow_pickle=False)


def mapped(path: Path) -> dict[str, np.ndarray]:
    """Every array of an uncompressed .npz, memory-mapped copy-on-write (numpy maps only a bare
    .npy): a page is read when first touched, and an update appending into an array's free rows
    changes this process's copy, never the file. One map for the whole file, each array a view
    of it."""
    with path.open("rb") as raw:
        with zipfile.ZipFile(raw) as archive:
            members = archive.infolist()
        whole = mmap.mmap(raw.fileno(), 0, access=mmap.ACCESS_COPY)
    arrays: dict[str, np.ndarray] = {}
    for info in members:
        if info.compress_type != zipfile.ZIP_STORED:
            raise ValueError(f"{path.name}: {info.filename} is compressed")
        name_length, extra_length = struct.unpack_from("<HH", whole, info.header_offset + 26)
        at = info.header_offset + _LOCAL_HEADER + name_length + extra_length
        # a .npy header: magic, version, the header's length (2 bytes in 1.0, else 4), the header
        width = 2 if whole[at + 6] == 1 else 4
        (length,) = struct.unpack_from("<H" if width == 2 else "<I", whole, at + 8)
        data = at + 8 + width + length
        header = io.BytesIO(whole[at:data])
        version = np.lib.format.read_magic(header)
        read_header = (
            np.lib.format.read_array_header_1_0
            if version == (1, 0)
            else np.lib.format.read_array_header_2_0
        )
        shape, fortran, dtype = read_header(header)
        name = info.filename.removesuffix(".npy")
        count = int(np.prod(shape))
        if count == 0:
            arrays[name] = np.zeros(shape, dtype=dtype)
            continue
        order: Literal["F", "C"] = "F" if fortran else "C"
        view = np.frombuffer(whole, dtype=dtype, count=count, offset=data)
        view = view.reshape(shape, order=order)  # the map stays open as the view's base
        arrays[name] = view if view.flags.aligned else view.copy()
    return arrays

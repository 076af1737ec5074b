"""What the back-office accepts as an uploaded picture or document, and what it stores.

Pictures (event covers, organisation logos, and MoU documents scanned as pictures):

- **Type, by content.** Pillow must read the file as JPEG, PNG or WebP; the
  file's name and the browser's word for its type count for nothing. SVG
  (which can carry scripts), GIF and anything else are refused.
- **Pixels.** At most `MAX_PIXELS`, read from the header before anything is
  decoded, so that a small file which would unpack into gigabytes (a
  decompression bomb) is refused; Pillow's own bomb check, turned into a
  refusal too, is the backstop.
- **Nothing besides the picture** (a polyglot: a valid image that is also a
  web page, a script or an archive). Refused are
    1. markup or code anywhere in the file: `<script`, `<html`, `<body`,
       `<iframe`, `<object`, `<embed` or `<svg` followed by a space, `/` or `>`
       (as a browser reads a tag), `<?php` or `javascript:`, in any letter case;
    2. bytes after the end the format itself marks: JPEG's end-of-image marker,
       PNG's IEND chunk, the length in WebP's RIFF header. Further JPEG
       pictures right after a JPEG's end are allowed, because phones store HDR
       gain maps and depth maps that way (the multi-picture format); rule 1
       covers them too.
  Compressed picture data looks random, and one of these markers turns up in
  random bytes about once in 15 GB: an honest 5 MB photo is refused about
  once in 3,000, a 300 KB logo once in 50,000; saving it again changes the
  bytes.
- **What is stored is not the upload** but the picture re-encoded by Pillow
  from its pixels: turned upright as its EXIF orientation says, its colours
  converted to sRGB from an embedded colour profile, and saved without EXIF,
  XMP, ICC profile, comments or text chunks, in its own format (JPEG at
  quality 85, PNG, WebP at quality 85), under an ASCII name made from the
  uploaded one. An animated picture keeps its first frame.

Re-encoding alone makes what is served harmless; the refusals are there so
that a crafted file is noticed rather than silently cleaned.

Documents (MoU.document) are a PDF, or a scanned page as a JPEG or PNG
picture (then held to the rules above). The type is read from the content
(`filetype`); the file's name must end as its type does (.pdf, .jpg or .jpeg,
.png); a PDF carrying markup or code (rule 1) is refused, and a PDF is stored
as uploaded, under an ASCII name.

Every upload is first held to settings.MAX_UPLOAD_BYTES (portal.validators).
"""

import io
import re
import warnings
from contextlib import contextmanager, suppress
from pathlib import PurePath

import filetype
from anyascii import anyascii
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

from portal.validators import validate_upload_size

# 25 million pixels: a 24-megapixel camera's 6000 × 4000 photo fits; decoded
# as RGBA it takes 100 MB of memory, a few copies of which the re-encoding needs.
MAX_PIXELS = 25_000_000

# Rule 1 above: where a browser or a server would start reading markup or code.
MARKUP = re.compile(
    rb"<(?:script|html|body|iframe|object|embed|svg)[\s/>]|<\?php|javascript:", re.IGNORECASE
)
# Where a JPEG's compressed data ends: an 0xFF followed neither by 0x00 (a
# stuffed byte) nor by a restart marker nor by another 0xFF (a fill byte).
JPEG_SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")

# Pillow's format of an accepted picture: the format, extension and options it is stored with.
# A JPEG followed by further pictures opens as "MPO"; its first picture is stored.
JPEG = ("JPEG", "jpg", {"quality": 85, "optimize": True})
ENCODINGS = {
    "JPEG": JPEG,
    "MPO": JPEG,
    "PNG": ("PNG", "png", {}),
    "WEBP": ("WEBP", "webp", {"quality": 85}),
}

# filetype's name for a document's type: the type's usual name, the endings
# its file name may have, and Pillow's format when it is a scanned picture.
DOCUMENT_TYPES = {
    "pdf": ("PDF", {"pdf"}, None),
    "jpg": ("JPEG", {"jpg", "jpeg"}, "JPEG"),
    "png": ("PNG", {"png"}, "PNG"),
}

# Stored names stay short: upload_to and a suffix Django may add must fit the column.
NAME_MAX = 50

SRGB = ImageCms.createProfile("sRGB")


def _jpeg_picture_end(data, start):
    """Where the JPEG picture starting at `start` ends (after its EOI marker), or None."""
    pos = start + 2  # after SOI
    while True:
        if data[pos : pos + 1] != b"\xff":
            return None
        while data[pos + 1 : pos + 2] == b"\xff":  # fill bytes before a marker
            pos += 1
        marker = data[pos + 1 : pos + 2]
        if not marker:
            return None
        pos += 2
        if marker == b"\xd9":  # EOI
            return pos
        if b"\xd0" <= marker <= b"\xd7" or marker == b"\x01":  # markers without a length
            continue
        pos += int.from_bytes(data[pos : pos + 2], "big")
        if marker == b"\xda":  # start of scan: compressed data follows its header
            found = JPEG_SCAN_END.search(data, pos)
            if not found:
                return None
            pos = found.start()


def _jpeg_end(data):
    """Where the JPEG pictures that follow one another from the file's start end."""
    end = 0
    while end is not None and data.startswith(b"\xff\xd8", end):
        end = _jpeg_picture_end(data, end)
    return end


def _png_end(data):
    """Where a PNG's IEND chunk ends, or None."""
    pos = 8  # after the signature
    while pos + 8 <= len(data):
        length, kind = int.from_bytes(data[pos : pos + 4], "big"), data[pos + 4 : pos + 8]
        pos += 12 + length  # length, type, data, CRC
        if kind == b"IEND":
            return pos
    return None


def _webp_end(data):
    """Where a WebP ends by its RIFF header: 8 bytes, then the length it gives."""
    return 8 + int.from_bytes(data[4:8], "little")


PICTURE_ENDS = {"JPEG": _jpeg_end, "MPO": _jpeg_end, "PNG": _png_end, "WEBP": _webp_end}


def _stored_name(uploaded_name, default, extension):
    """An ASCII name from the uploaded one (पुणे मेळावा.JPG -> pune-melava.jpg)."""
    stem = slugify(anyascii(PurePath(uploaded_name).stem))[:NAME_MAX].strip("-")
    return f"{stem or default}.{extension}"


def _pixels_only(image, fmt):
    """The picture as a person sees it, in a new image that holds nothing else."""
    image = ImageOps.exif_transpose(image)
    mode = "RGBA" if fmt != "JPEG" and image.has_transparency_data else "RGB"
    if icc := image.info.get("icc_profile"):
        # Without its profile a phone's Display P3 photo would look washed out.
        # A profile LittleCMS cannot apply to these pixels leaves them as they are.
        with suppress(ImageCms.PyCMSError):
            image = ImageCms.profileToProfile(image, io.BytesIO(icc), SRGB, outputMode=mode)
    image = image.convert(mode)
    # Pillow would write some of these (a JPEG comment, an ICC profile) back out.
    image.info = {}
    return image


class CheckedUploadField(forms.FileField):
    """An upload held to the portal's size limit, then to its kind's rules (`checked`)."""

    accept = ""
    default_error_messages = {
        "not_a_picture": _(
            "Upload a picture in JPEG, PNG or WebP format. This file is not one, or it is damaged."
        ),
        "too_many_pixels": _(
            "The picture has too many pixels: at most %(limit)s million. "
            "Make it smaller and upload it again."
        ),
        "markup_in_picture": _(
            "The file contains something besides the picture: web page code or a script. "
            "Save the picture again from an image editor and upload the copy."
        ),
        "data_after_picture": _(
            "The file contains something besides the picture: more data after the image ends. "
            "Save the picture again from an image editor and upload the copy."
        ),
    }

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        validate_upload_size(upload)
        upload.seek(0)
        return self.checked(upload, upload.read())

    def checked(self, upload, content):
        """The file to store for `upload`, whose bytes are `content`; or a ValidationError."""
        raise NotImplementedError

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # The file chooser offers the accepted types first; the content is still checked.
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = self.accept
        return attrs

    def error(self, code, **params):
        return ValidationError(self.error_messages[code], code=code, params=params or None)

    @contextmanager
    def reading_picture(self):
        """Pillow's complaints about a file, as the official's form errors."""
        with warnings.catch_warnings():
            # Pillow only warns of a picture somewhat over its own limit.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                yield
            except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
                raise self.error("too_many_pixels", limit=MAX_PIXELS // 1_000_000) from exc
            except Exception as exc:
                # As in Django's ImageField: a damaged file fails Pillow in many ways.
                raise self.error("not_a_picture") from exc

    def refuse_markup(self, content, code):
        if MARKUP.search(content):
            raise self.error(code)

    def picture(self, upload, content, formats):
        """The picture in `content`, re-encoded from its pixels (see the module's rules)."""
        with self.reading_picture():
            image = Image.open(io.BytesIO(content), formats=formats)
            # Only the header is read so far: a bomb is refused before it is unpacked.
            if image.width * image.height > MAX_PIXELS:
                raise Image.DecompressionBombError(image.size)
        self.refuse_markup(content, "markup_in_picture")
        end = PICTURE_ENDS[image.format](content)
        if end is None:
            raise self.error("not_a_picture")
        if end < len(content):
            raise self.error("data_after_picture")
        fmt, extension, options = ENCODINGS[image.format]
        encoded = io.BytesIO()
        with self.reading_picture():
            _pixels_only(image, fmt).save(encoded, fmt, **options)
        return ContentFile(encoded.getvalue(), name=_stored_name(upload.name, "picture", extension))


class PictureField(CheckedUploadField):
    """An ImageField's upload: a JPEG, PNG or WebP picture, stored re-encoded."""

    accept = "image/jpeg,image/png,image/webp"

    def checked(self, upload, content):
        return self.picture(upload, content, formats=("JPEG", "PNG", "WEBP"))


class DocumentField(CheckedUploadField):
    """A FileField's upload: a PDF, or a scan as a JPEG or PNG picture."""

    accept = "application/pdf,image/jpeg,image/png"
    default_error_messages = {
        "not_a_picture": _("The scan is damaged: it cannot be read as a JPEG or PNG picture."),
        "not_a_document": _("Upload the document as a PDF, or a scan of it as a JPEG or PNG."),
        "wrong_name": _(
            "The file is a %(type)s, but its name “%(name)s” does not end in “.%(extension)s”. "
            "Rename it and upload it again."
        ),
        "markup_in_document": _(
            "The document contains web page code or a script. "
            "Save it again as a PDF and upload the copy."
        ),
    }

    def checked(self, upload, content):
        kind = filetype.guess(content)
        if not kind or kind.extension not in DOCUMENT_TYPES:
            raise self.error("not_a_document")
        type_name, endings, picture_format = DOCUMENT_TYPES[kind.extension]
        if PurePath(upload.name).suffix.lower().lstrip(".") not in endings:
            raise self.error(
                "wrong_name", type=type_name, name=upload.name, extension=kind.extension
            )
        if picture_format:
            return self.picture(upload, content, formats=(picture_format,))
        self.refuse_markup(content, "markup_in_document")
        return ContentFile(content, name=_stored_name(upload.name, "document", kind.extension))

"""Where uploads are kept: through Django's storage API, so object storage is configuration.

Two storages (settings.STORAGES):

- "default": what the public pages show (event covers, organisations'
  logos, MoU documents), each at its address under MEDIA_URL.
- "private": the documents participants attach to their registrations. No
  page links to them and they have no address: the back-office reads them
  through the storage and hands them to the staff allowed to see them.

On one server both are directories (MEDIA_ROOT, PRIVATE_MEDIA_ROOT). With
AWS_STORAGE_BUCKET_NAME set they are buckets of S3-compatible object
storage (django-storages; config.settings.object_storage), which every app
server sees. Code reads and writes files only through the storage (a
field's `.open()`, `.save()`, `.delete()`, `.url`), never by a path.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, HttpResponseRedirect
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header

# How long a signed address of a private file is good for: long enough to
# follow the redirect, too short to be passed on.
SIGNED_URL_SECONDS = 60


class PrivateFileSystemStorage(FileSystemStorage):
    """Files no page links to: under settings.PRIVATE_MEDIA_ROOT, not MEDIA_URL.

    The location is read from the settings each time, so that a test that
    moves it is obeyed.
    """

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise NotImplementedError("Private files have no URL: the back-office serves them.")


class PrivateStorage(LazyObject):
    """STORAGES["private"], as `default_storage` is STORAGES["default"]."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


@receiver(setting_changed)
def private_storage_changed(*, setting, **kwargs):
    # As Django does for default_storage: a test that changes STORAGES is obeyed.
    if setting == "STORAGES":
        private_storage._wrapped = empty


def download(file, filename):
    """The answer handing a private `file` to the one the view has let have it.

    From object storage, a redirect to an address the storage signs, good
    for SIGNED_URL_SECONDS, so that the bucket, not an app server, sends
    the bytes; from disk, the file streamed through Django.
    """
    if getattr(file.storage, "querystring_auth", False):
        disposition = content_disposition_header(as_attachment=True, filename=filename)
        return HttpResponseRedirect(
            file.storage.url(
                file.name,
                parameters={"ResponseContentDisposition": disposition},
                expire=SIGNED_URL_SECONDS,
            )
        )
    return FileResponse(file.open("rb"), as_attachment=True, filename=filename)

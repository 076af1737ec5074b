"""Optimistic locking: the second of two officials editing a record at once
is told, and the first one's change is kept (orgs.models.Versioned)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _


class VersionedFormMixin(forms.Form):
    """Carries the version the record was opened at and refuses a stale save.

    The row is locked (SELECT ... FOR UPDATE) until the admin's transaction
    ends, so two saves at the same instant cannot both pass the check.
    """

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["opened_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        current = (
            type(self.instance)
            ._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is not None and cleaned_data.get("opened_version") != current:
            raise ValidationError(self.edited_meanwhile_message(), code="edited_meanwhile")
        return cleaned_data

    def edited_meanwhile_message(self):
        latest = self.instance.history.select_related("history_user").first()
        if latest and latest.history_user:
            return _(
                "%(user)s saved this record at %(time)s, while you were editing it. "
                "Your changes have not been saved: open the record again to see theirs, "
                "then make yours."
            ) % {
                "user": latest.history_user.get_full_name() or latest.history_user.get_username(),
                "time": formats.date_format(
                    timezone.localtime(latest.history_date), "DATETIME_FORMAT"
                ),
            }
        return _(
            "Someone saved this record while you were editing it. Your changes have not "
            "been saved: open the record again to see theirs, then make yours."
        )

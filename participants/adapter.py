"""How django-allauth treats participants: their language, their mail, their address."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language

from portal.mail import send_later

from .models import Participant, is_participant

# allauth's mails (by its template prefix) and the portal's own templates for
# them (templates/mail/). Those of features left off (login and password
# codes, notifications of changes) are not sent.
MAILS = {
    "account/email/email_confirmation_signup": "account/confirm_email",
    "account/email/email_confirmation": "account/confirm_email",
    "account/email/password_reset_key": "account/password_reset",
    "account/email/unknown_account": "account/unknown_account",
    "account/email/account_already_exists": "account/account_already_exists",
}


def language_of(user):
    """The language a participant is written to in; else the page's."""
    participant = Participant.objects.filter(user_id=getattr(user, "pk", None)).first()
    return participant.language if participant else get_language()


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        # The language of the page they signed up on.
        Participant.objects.create(user=user, language=get_language())
        return user

    def authenticate(self, request, **credentials):
        # Back-office accounts log in at /admin/, behind django-axes' lockout:
        # the public login is no second door to them.
        user = super().authenticate(request, **credentials)
        return user if user is not None and is_participant(user) else None

    def send_mail(self, template_prefix, email, context):
        """Through the worker (portal.mail), in the recipient's language."""
        send_later(MAILS[template_prefix], email, context, language_of(context.get("user")))

    def get_email_confirmation_url(self, request, emailconfirmation):
        # The link opens the page in the language the mail is written in.
        with translation.override(language_of(emailconfirmation.email_address.user)):
            return super().get_email_confirmation_url(request, emailconfirmation)

    def send_password_reset_mail(self, user, email, context):
        # Staff reset their password through an administrator, not from the
        # public pages: their address gets no link here.
        if not is_participant(user):
            return
        with translation.override(language_of(user)):
            key = f"{context['uid']}-{context['key']}"
            context["password_reset_url"] = self.get_reset_password_from_key_url(key)
        super().send_password_reset_mail(user, email, context)

    def get_client_ip(self, request):
        # The visitor's address as the back-office's lockout reads it (behind
        # the proxies CLIENT_IP_HEADER and TRUSTED_PROXY_COUNT describe).
        return settings.AXES_CLIENT_IP_CALLABLE(request)

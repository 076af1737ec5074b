import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an administrator account with a generated password, if there is none."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator account exists already; nothing to do.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        # Shown once: it is stored only as a hash.
        self.stdout.write(
            self.style.SUCCESS(
                f"Administrator account created. Log in at http://127.0.0.1:8000/admin/ "
                f"as “{username}” with the password: {password}"
            )
        )

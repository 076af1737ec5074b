"""How passwords are stored: Argon2id at OWASP's baseline (19 MiB, 2 passes, 1 lane).

Django's default, PBKDF2-SHA256 at 1,000,000 iterations, took 0.35–0.44 s
of a core per sign-up or login on the 2-core machine; a rush of 200 sign-ups
in a minute spent both cores on it alone (README, "Load test"). Argon2id at
these costs took 34 ms, and being memory-hard it resists the graphics cards
that make PBKDF2 cheap to attack; OWASP's Password Storage Cheat Sheet lists
it first, as the equal of PBKDF2 at 600,000. Passwords stored before are
still checked, and stored again as Argon2id at the next login.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    memory_cost = 19 * 1024  # KiB
    time_cost = 2
    parallelism = 1

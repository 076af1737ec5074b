# Marathi dates in the back-office: day first, as English's (config/formats/en).
from config.formats.en.formats import *  # noqa: F403

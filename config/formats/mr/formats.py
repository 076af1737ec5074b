# Dates in the back-office (Django's own displays: the date drill-down, the
# history pages, read-only dates) written day first, as the public pages
# write them; Django's formats put the month first here.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"

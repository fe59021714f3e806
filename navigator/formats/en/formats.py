# British usage, as GOV.UK writes it: "1 July 2026" even where Czech is short ("1. 7. 2026"), times "16:00".
# Django's English is American ("July 1, 2026", "4 p.m.").
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1  # Monday

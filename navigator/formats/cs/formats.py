# The numeric date Czech offices write (ČSN 01 6910: "1. 7. 2026"), where Django's Czech spells the month out.
DATE_FORMAT = "j. n. Y"
DATETIME_FORMAT = "j. n. Y H:i"
MONTH_DAY_FORMAT = "j. n."

# The short date Czech offices write (ČSN 01 6910: "1. 7. 2026"), where Django's Czech pads it ("01.07.2026");
# the long date stays Django's ("1. července 2026").
SHORT_DATE_FORMAT = "j. n. Y"
SHORT_DATETIME_FORMAT = "j. n. Y H:i"
MONTH_DAY_FORMAT = "j. n."

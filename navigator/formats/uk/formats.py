# "1 липня 2026 р.", short or long: the day without a leading zero and the month in the genitive (Django's
# Ukrainian writes "01 липня 2026 р.", "01.07.2026" and, for a day and month, "01 липень").
DATE_FORMAT = "j E Y р."
SHORT_DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р., H:i"
SHORT_DATETIME_FORMAT = "j E Y р., H:i"
MONTH_DAY_FORMAT = "j E"

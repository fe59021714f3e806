# Dates as the site has always written them in Czech ("7. 12. 2026"); the rest is Django's Czech.
DATE_FORMAT = "j. n. Y"
DATETIME_FORMAT = "j. n. Y H:i"
MONTH_DAY_FORMAT = "j. n."

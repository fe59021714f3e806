# Ukrainian as the demo translations are written: "7 грудня 2026 р." (the month in the genitive), "1 000".
DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р., H:i"
MONTH_DAY_FORMAT = "j E"

"""Dates and numbers as each of the site's languages writes them (FORMAT_MODULE_PATH); what a module leaves out
comes from Django's own formats for the language.

Templates and code ask for a named format ("DATE_FORMAT", "MONTH_DAY_FORMAT"), never a pattern, so one page
reads "1. 7. 2026" in Czech, "1 July 2026" in English and "1 липня 2026 р." in Ukrainian.
"""

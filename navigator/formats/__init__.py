"""Dates and numbers as each of the site's languages writes them (FORMAT_MODULE_PATH); what a module leaves out
comes from Django's own formats for the language.

Templates and code ask for a named format, never a pattern: SHORT_DATE_FORMAT where Czech writes "1. 7. 2026",
DATE_FORMAT where it writes "1. července 2026", MONTH_DAY_FORMAT for "1. 7."; English reads "1 July 2026" and
Ukrainian "1 липня 2026 р." in both.
"""

"""Labels of each page, in English and 简体中文: merged into knockboard.i18n.TEXT."""

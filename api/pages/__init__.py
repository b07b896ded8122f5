"""Pages for people: templates, the words they show in English and Chinese, and the choice
of language."""

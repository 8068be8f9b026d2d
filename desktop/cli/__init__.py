"""The ``handbok`` command line: the desktop app without arguments, tools for IT and tests
with them (search, show, build-index, handout, self-test, contacts, pack). May import
everything in desktop and index; nothing outside this package imports it."""

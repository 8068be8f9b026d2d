"""The PySide6 application and the command line: the only package that uses Qt."""

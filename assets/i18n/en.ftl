# daftar — the window's messages in English.

"""Pure-Python core: types, offsets and spans. Imports nothing but the standard library."""

"""REFI-QDA project exchange (``.qdpx``) and codebook (``.qdc``): the standard ATLAS.ti, NVivo, MAXQDA and
QualCoder read and write. ``export`` writes, ``importer`` reads, ``mapping`` says what goes where."""

//! Importers: other formats → records as JSON Lines. One file per format.

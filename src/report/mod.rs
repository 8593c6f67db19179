//! Reports: outcomes → findings → human, JSON Lines (later SARIF, JUnit, GitHub, CSV).

package preflight.ip;

/** How a mark was found in the text. Every kind but EXACT and WEAK is a disguise. */
public enum MatchKind {
    /** The name or an alias as the owner writes it. */
    EXACT,
    /** A monogram abbreviation ("LV"), which proves little on its own. */
    WEAK,
    /** One letter added, dropped, changed or swapped, or a letter doubled ("Adidaz", "Rolexx"). */
    LOOKALIKE,
    /** Digits or symbols for letters ("N1ke", "Guc¢i" aside). */
    SWAPPED,
    /** Letters of another script that look Latin ("Guccі" with a Cyrillic і). */
    HOMOGLYPH,
    /** Letters spaced or punctuated apart ("G.U.C.C.I", "Gu cci"). */
    SPACED;

    public boolean disguised() {
        return this != EXACT && this != WEAK;
    }
}

package org.medmesh.ledger.embedded;

import java.util.Comparator;

/**
 * Orders keys the way Fabric's state database does: by their UTF-8 bytes, which is code-point order. Java's
 * {@code String.compareTo} compares UTF-16 units and disagrees for characters above the surrogate range.
 */
final class KeyOrder {
    static final Comparator<String> UTF8 = KeyOrder::compare;

    private KeyOrder() {}

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

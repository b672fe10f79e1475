package org.parley.request.lifecycle.domain;

/**
 * What a company delivered for a disclosure, out of band: only how many items and the SHA-256 of
 * the package. Parley never holds the disclosed data itself.
 */
public record Disclosure(Integer itemCount, String packageSha256) {

    public Disclosure {
        packageSha256 = packageSha256 == null ? null : packageSha256.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
